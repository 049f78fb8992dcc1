package dev.leadflow.routing.sla;

/** A breach this instance handled, for the metrics once its transaction commits. */
public record SlaBreachedLocally(String escalation) {
}
