package dev.leadflow.routing.rest;

import java.util.UUID;

/** What a lead may see about its routing: whether it has an owner, and the owner's display name. */
public record RoutingStatus(UUID leadId, boolean routed, String ownerName, String ownerType) {
}
