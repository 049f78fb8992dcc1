package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/** A rep made first contact with a lead (fed back by a CRM). Topic {@link Topics#CRM_ACTIVITIES}. */
public record LeadContacted(
        UUID eventId,
        UUID leadId,
        String repId,
        String channel,
        Instant contactedAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_CONTACTED;
    public static final String TOPIC = Topics.CRM_ACTIVITIES;
}
