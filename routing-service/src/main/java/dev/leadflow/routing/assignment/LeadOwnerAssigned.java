package dev.leadflow.routing.assignment;

import java.util.UUID;

/**
 * CDI event fired for every stored decision, a first routing or a reassignment: who owns the lead now, as the
 * routing status shows it. Observers run only if its transaction commits.
 */
public record LeadOwnerAssigned(UUID leadId, String ownerName, String ownerType, String ownerBookingLink) {
}
