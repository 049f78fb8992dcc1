package dev.leadflow.routing.status;

/** Who owns a routed lead, as much as the lead itself may see: the display name, rep or queue, booking link. */
public record LeadOwner(String name, String type, String bookingLink) {
}
