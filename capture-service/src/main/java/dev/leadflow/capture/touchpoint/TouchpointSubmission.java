package dev.leadflow.capture.touchpoint;

import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.UUID;

/**
 * A validated, normalised touchpoint; at least one of {@code leadId} and {@code anonymousId} is set; {@code channel}
 * is optional.
 */
public record TouchpointSubmission(
        String type,
        UUID leadId,
        String anonymousId,
        String url,
        String campaign,
        Utm utm,
        Instant occurredAt,
        String channel) {

    /** The Kafka record key: the lead when known, so all of a lead's events share a partition. */
    public String recordKey() {
        return leadId != null ? leadId.toString() : anonymousId;
    }
}
