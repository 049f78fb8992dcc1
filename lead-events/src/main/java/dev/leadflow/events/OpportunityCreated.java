package dev.leadflow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A CRM opened an opportunity for a lead. Topic {@link Topics#CRM_ACTIVITIES}. */
public record OpportunityCreated(
        UUID eventId,
        UUID leadId,
        String opportunityId,
        BigDecimal amount,
        String currency,
        Instant occurredAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.OPPORTUNITY_CREATED;
    public static final String TOPIC = Topics.CRM_ACTIVITIES;
}
