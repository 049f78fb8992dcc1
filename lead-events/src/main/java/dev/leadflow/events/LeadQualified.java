package dev.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lead crossed the MQL threshold; published once per qualification ({@code qualificationId}).
 * Carries the profile so routing needs no other source. Topic {@link Topics#LEADS_QUALIFIED}, key = leadId.
 *
 * <p>Routing rules and account matching also read where the lead came from: {@code freeMailDomain} (as in
 * {@link LeadCaptured}; null when the producer does not say), the {@code formId} and {@code utm} of the capture, and
 * the fit {@code grade} if the scoring model gives one. All four may be null. {@code touchpoints} summarises the
 * lead's marketing history for the rep (null when the producer does not say).
 */
public record LeadQualified(
        UUID eventId,
        UUID leadId,
        UUID qualificationId,
        String modelVersion,
        int total,
        int threshold,
        LeadProfile profile,
        List<ScoreReason> reasons,
        Instant capturedAt,
        Instant qualifiedAt,
        Boolean freeMailDomain,
        String formId,
        Utm utm,
        String grade,
        TouchpointSummary touchpoints) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_QUALIFIED;
    public static final String TOPIC = Topics.LEADS_QUALIFIED;

    /** The event as it was before the lead's origin and grade: those are absent (null). */
    public LeadQualified(UUID eventId, UUID leadId, UUID qualificationId, String modelVersion, int total,
            int threshold, LeadProfile profile, List<ScoreReason> reasons, Instant capturedAt, Instant qualifiedAt) {
        this(eventId, leadId, qualificationId, modelVersion, total, threshold, profile, reasons, capturedAt,
                qualifiedAt, null, null, null, null, null);
    }

    /** The event as it was before the touchpoint summary: it is absent (null). */
    public LeadQualified(UUID eventId, UUID leadId, UUID qualificationId, String modelVersion, int total,
            int threshold, LeadProfile profile, List<ScoreReason> reasons, Instant capturedAt, Instant qualifiedAt,
            Boolean freeMailDomain, String formId, Utm utm, String grade) {
        this(eventId, leadId, qualificationId, modelVersion, total, threshold, profile, reasons, capturedAt,
                qualifiedAt, freeMailDomain, formId, utm, grade, null);
    }
}
