package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A rep disqualified a lead in the CRM (not a fit, no budget, ...), with the CRM's reason. Topic
 * {@link Topics#CRM_ACTIVITIES}. Scoring recycles the lead; routing closes its open assignment and SLA timer.
 */
public record LeadDisqualified(
        UUID eventId,
        UUID leadId,
        String repId,
        String reason,
        Instant occurredAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_DISQUALIFIED;
    public static final String TOPIC = Topics.CRM_ACTIVITIES;
}
