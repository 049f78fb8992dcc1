package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A marketing interaction. Known leads have {@code leadId}; anonymous visitors only {@code anonymousId}
 * until they submit a form. Topic {@link Topics#LEADS_TOUCHPOINTS}, key = leadId, else anonymousId.
 * {@code type} is one of {@link TouchpointTypes#ALL}; {@code channel} (e.g. {@code email}, {@code paid_search})
 * is optional.
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
        Instant recordedAt,
        String channel) implements LeadflowEvent {

    public static final String TYPE = EventTypes.TOUCHPOINT_RECORDED;
    public static final String TOPIC = Topics.LEADS_TOUCHPOINTS;

    /** The event as it was before channels: without one. */
    public TouchpointRecorded(UUID eventId, UUID touchpointId, UUID leadId, String anonymousId, String type,
            String url, String campaign, Utm utm, Instant occurredAt, Instant recordedAt) {
        this(eventId, touchpointId, leadId, anonymousId, type, url, campaign, utm, occurredAt, recordedAt, null);
    }

    /** The lead, else the anonymous visitor. */
    @Override
    public String key() {
        return leadId != null ? leadId.toString() : anonymousId;
    }
}
