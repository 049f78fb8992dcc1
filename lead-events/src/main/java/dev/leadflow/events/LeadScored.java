package dev.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lead's score changed. {@code reasons} add up to {@code total} = {@code fit} + {@code engagement}.
 * Topic {@link Topics#LEADS_SCORED}, key = leadId.
 */
public record LeadScored(
        UUID eventId,
        UUID leadId,
        String modelVersion,
        int fit,
        int engagement,
        int total,
        int threshold,
        boolean qualified,
        List<ScoreReason> reasons,
        Instant capturedAt,
        Instant scoredAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_SCORED;
    public static final String TOPIC = Topics.LEADS_SCORED;
}
