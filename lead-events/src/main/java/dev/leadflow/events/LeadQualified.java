package dev.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lead crossed the MQL threshold; published once per qualification ({@code qualificationId}).
 * Carries the profile so routing needs no other source. Topic {@link Topics#LEADS_QUALIFIED}, key = leadId.
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
        Instant qualifiedAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_QUALIFIED;
    public static final String TOPIC = Topics.LEADS_QUALIFIED;
}
