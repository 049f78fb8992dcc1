package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/** One service finished erasing a lead's personal data. Topic {@link Topics#PRIVACY_ERASURES}. */
public record LeadErased(
        UUID eventId,
        UUID leadId,
        String service,
        Instant erasedAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_ERASED;
    public static final String TOPIC = Topics.PRIVACY_ERASURES;
}
