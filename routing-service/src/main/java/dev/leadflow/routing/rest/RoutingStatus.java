package dev.leadflow.routing.rest;

import java.util.UUID;

/**
 * What a lead may see about its routing: whether it has an owner, the owner's display name and booking link (so a
 * thank-you page can offer "talk to Alice now"). Nothing about the lead itself.
 */
public record RoutingStatus(UUID leadId, boolean routed, String ownerName, String ownerType, String ownerBookingLink) {
}
