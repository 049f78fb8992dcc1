package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner did not contact a routed lead before its SLA was due. Topic {@link Topics#LEADS_SLA_BREACHED}.
 *
 * @param slaDueAt when first contact was due, counted in the owner's business time
 * @param qualificationId the routed qualification (null in events from before escalation)
 * @param ruleId the rule that routed the missed assignment, whose escalation applied
 * @param reassignments the missed assignment's number: 0 for the first routing, n for the n-th reassignment
 * @param escalation what the breach triggered: {@link #ESCALATION_NONE}, {@link #ESCALATION_NOTIFIED},
 *        {@link #ESCALATION_REASSIGNED}, {@link #ESCALATION_EXHAUSTED} (the rule's maximum of reassignments was
 *        reached) or {@link #ESCALATION_NO_OTHER_REP} (nobody else could take it; the owner keeps it)
 * @param notifyManager the owner's team manager to notify (a rep id or an email address), or null
 * @param reassignedTo the new owner after a reassignment (its {@code lead.routed} follows), or null
 */
public record LeadSlaBreached(
        UUID eventId,
        UUID leadId,
        String ownerId,
        Instant routedAt,
        Instant slaDueAt,
        Instant breachedAt,
        UUID qualificationId,
        String ruleId,
        int reassignments,
        String escalation,
        String notifyManager,
        String reassignedTo) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_SLA_BREACHED;
    public static final String TOPIC = Topics.LEADS_SLA_BREACHED;

    public static final String ESCALATION_NONE = "none";
    public static final String ESCALATION_NOTIFIED = "notified";
    public static final String ESCALATION_REASSIGNED = "reassigned";
    public static final String ESCALATION_EXHAUSTED = "exhausted";
    public static final String ESCALATION_NO_OTHER_REP = "no-other-rep";

    /** The event as it was before escalation: no rule, no escalation. */
    public LeadSlaBreached(UUID eventId, UUID leadId, String ownerId, Instant routedAt, Instant slaDueAt,
            Instant breachedAt) {
        this(eventId, leadId, ownerId, routedAt, slaDueAt, breachedAt, null, null, 0, null, null, null);
    }
}
