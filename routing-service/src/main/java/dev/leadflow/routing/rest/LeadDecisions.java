package dev.leadflow.routing.rest;

import java.util.List;
import java.util.UUID;

/** A lead's routing decisions, oldest first. */
public record LeadDecisions(UUID leadId, List<DecisionView> decisions) {
}
