package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/** Someone exercised the right to erasure for a lead; every service erases its personal data. Topic {@link Topics#PRIVACY_ERASURES}. */
public record LeadErasureRequested(
        UUID eventId,
        UUID leadId,
        Instant requestedAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_ERASURE_REQUESTED;
    public static final String TOPIC = Topics.PRIVACY_ERASURES;
}
