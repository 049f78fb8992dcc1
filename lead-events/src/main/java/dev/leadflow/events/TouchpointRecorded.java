package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A marketing interaction. Known leads have {@code leadId}; anonymous visitors only {@code anonymousId}
 * until they submit a form. Topic {@link Topics#LEADS_TOUCHPOINTS}, key = leadId, else anonymousId.
 */
public record TouchpointRecorded(
        UUID eventId,
        UUID touchpointId,
        UUID leadId,
        String anonymousId,
        String type,
        String url,
        String campaign,
        Utm utm,
        Instant occurredAt,
        Instant recordedAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.TOUCHPOINT_RECORDED;
    public static final String TOPIC = Topics.LEADS_TOUCHPOINTS;

    /** The lead, else the anonymous visitor. */
    @Override
    public String key() {
        return leadId != null ? leadId.toString() : anonymousId;
    }
}
