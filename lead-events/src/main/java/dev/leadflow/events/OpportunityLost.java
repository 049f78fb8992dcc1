package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/** An opportunity of a lead was lost, with the CRM's reason. Topic {@link Topics#CRM_ACTIVITIES}. */
public record OpportunityLost(
        UUID eventId,
        UUID leadId,
        String opportunityId,
        String reason,
        Instant occurredAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.OPPORTUNITY_LOST;
    public static final String TOPIC = Topics.CRM_ACTIVITIES;
}
