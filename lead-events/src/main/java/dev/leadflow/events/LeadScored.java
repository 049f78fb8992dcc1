package dev.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lead's score changed. {@code reasons} add up to {@code total} = {@code fit} + {@code engagement}.
 * {@code grade} is fit A-D by engagement 1-4 (e.g. {@code A1}), {@code stage} the lead's {@link LifecycleStage} key
 * after this score (null while the lead is known only from touchpoints). Topic {@link Topics#LEADS_SCORED},
 * key = leadId.
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
        Instant scoredAt,
        String grade,
        String stage) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_SCORED;
    public static final String TOPIC = Topics.LEADS_SCORED;

    /** The event as it was before grades and stages: without them. */
    public LeadScored(UUID eventId, UUID leadId, String modelVersion, int fit, int engagement, int total,
            int threshold, boolean qualified, List<ScoreReason> reasons, Instant capturedAt, Instant scoredAt) {
        this(eventId, leadId, modelVersion, fit, engagement, total, threshold, qualified, reasons, capturedAt,
                scoredAt, null, null);
    }
}
