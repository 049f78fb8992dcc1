package dev.leadflow.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An opportunity of a lead was won, for {@code amount} in {@code currency} (ISO 4217). Topic {@link Topics#CRM_ACTIVITIES}. */
public record OpportunityWon(
        UUID eventId,
        UUID leadId,
        String opportunityId,
        BigDecimal amount,
        String currency,
        Instant occurredAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.OPPORTUNITY_WON;
    public static final String TOPIC = Topics.CRM_ACTIVITIES;
}
