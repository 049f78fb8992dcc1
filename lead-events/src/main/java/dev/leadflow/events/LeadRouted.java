package dev.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The CRM contract: the lead was assigned to an owner. Carries the lead snapshot and its score so a CRM can
 * create the record without calling back. Topic {@link Topics#LEADS_ROUTED}, key = leadId.
 *
 * @param ownerType {@link OwnerType#REP} or {@link OwnerType#QUEUE}
 * @param ownerBookingLink the rep's meeting booking page (null for a queue or a rep without one), so the CRM and
 *        the thank-you page can offer "talk to Alice now"
 * @param touchpoints the lead's marketing history in brief (null when unknown)
 * @param reassignments 0 for the first routing of a qualification; n for its n-th reassignment (after a missed
 *        first-contact SLA), which names the {@code previousOwnerId}. A CRM keys the assignment by
 *        {@code (qualificationId, reassignments)}.
 */
public record LeadRouted(
        UUID eventId,
        UUID leadId,
        UUID qualificationId,
        String ownerId,
        String ownerName,
        String ownerType,
        String ruleId,
        String reason,
        Instant capturedAt,
        Instant qualifiedAt,
        Instant routedAt,
        Instant slaDueAt,
        LeadProfile lead,
        int score,
        List<ScoreReason> scoreReasons,
        String ownerBookingLink,
        TouchpointSummary touchpoints,
        int reassignments,
        String previousOwnerId) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_ROUTED;
    public static final String TOPIC = Topics.LEADS_ROUTED;

    /** The event as it was before the owner's booking link: it is absent (null). */
    public LeadRouted(UUID eventId, UUID leadId, UUID qualificationId, String ownerId, String ownerName,
            String ownerType, String ruleId, String reason, Instant capturedAt, Instant qualifiedAt, Instant routedAt,
            Instant slaDueAt, LeadProfile lead, int score, List<ScoreReason> scoreReasons) {
        this(eventId, leadId, qualificationId, ownerId, ownerName, ownerType, ruleId, reason, capturedAt, qualifiedAt,
                routedAt, slaDueAt, lead, score, scoreReasons, null);
    }

    /** The event as it was before touchpoint summaries and reassignments: a first routing without a summary. */
    public LeadRouted(UUID eventId, UUID leadId, UUID qualificationId, String ownerId, String ownerName,
            String ownerType, String ruleId, String reason, Instant capturedAt, Instant qualifiedAt, Instant routedAt,
            Instant slaDueAt, LeadProfile lead, int score, List<ScoreReason> scoreReasons, String ownerBookingLink) {
        this(eventId, leadId, qualificationId, ownerId, ownerName, ownerType, ruleId, reason, capturedAt, qualifiedAt,
                routedAt, slaDueAt, lead, score, scoreReasons, ownerBookingLink, null, 0, null);
    }
}
