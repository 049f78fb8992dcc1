package dev.leadflow.routing.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The first-contact SLA of one assignment (routing decision) as stored in {@code sla_timer}: when it started and is
 * due, and what happened since (breach and escalation, first contact, an outcome that closed it).
 *
 * @param status {@code open}, {@code contacted} (in time), {@code breached} (contact may still follow, late) or
 *        {@code closed} (an outcome ended the assignment before first contact)
 */
public record SlaTimer(UUID decisionId, UUID leadId, UUID qualificationId, int reassignments, String ownerId,
        String ruleId, Instant startedAt, Instant dueAt, String status, Instant breachedAt, String escalation,
        String notifiedManager, String reassignedTo, Instant contactedAt, String contactedBy, Instant closedAt,
        String closedBy) {

    public static final String OPEN = "open";
    public static final String CONTACTED = "contacted";
    public static final String BREACHED = "breached";
    public static final String CLOSED = "closed";

    /** One step of the timer's history, for the routing audit. */
    public record Step(Instant at, String event, String detail) {
    }

    /** The timer's history in time order: started, due (if it passed or is still ahead), breached, contacted, closed. */
    public List<Step> timeline() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(startedAt, "started", "first contact by " + ownerId + " due at " + dueAt
                + " (business time of the owner)"));
        steps.add(new Step(dueAt, "due", CONTACTED.equals(status) && contactedAt != null && !contactedAt.isAfter(dueAt)
                ? "met: contacted before it was due" : "first contact due"));
        if (breachedAt != null) {
            StringBuilder detail = new StringBuilder("not contacted in time; escalation: ").append(escalation);
            if (notifiedManager != null) {
                detail.append(", manager ").append(notifiedManager).append(" notified");
            }
            if (reassignedTo != null) {
                detail.append(", reassigned to ").append(reassignedTo);
            }
            steps.add(new Step(breachedAt, "breached", detail.toString()));
        }
        if (contactedAt != null) {
            steps.add(new Step(contactedAt, "contacted", "by " + (contactedBy == null ? "unknown rep" : contactedBy)
                    + (breachedAt != null || contactedAt.isAfter(dueAt) ? " (late)" : " (in time)")));
        }
        if (closedAt != null) {
            steps.add(new Step(closedAt, "closed", "assignment ended by " + closedBy));
        }
        steps.sort(Comparator.comparing(Step::at));
        return List.copyOf(steps);
    }
}
