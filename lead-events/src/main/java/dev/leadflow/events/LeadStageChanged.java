package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead moved from one {@link LifecycleStage} to another ({@code from} is null when the lead enters its first
 * stage). Stages are the keys of {@link LifecycleStage} ({@code lead}, {@code mql}, {@code recycled}, ...);
 * {@code reason} says why in words (e.g. {@code reached threshold 100 with 120 points},
 * {@code opportunity.lost: budget}); {@code qualificationId} names the qualification the move opens or closes
 * (null when none). Topic {@link Topics#LEADS_STAGE_CHANGED}, key = leadId.
 */
public record LeadStageChanged(
        UUID eventId,
        UUID leadId,
        String from,
        String to,
        String reason,
        UUID qualificationId,
        Instant changedAt) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_STAGE_CHANGED;
    public static final String TOPIC = Topics.LEADS_STAGE_CHANGED;
}
