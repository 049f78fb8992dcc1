package dev.leadflow.routing.decision;

/**
 * What happens when a rule's first-contact SLA is missed: {@code notifyManager} names the owner's team manager in
 * {@code lead.sla-breached} (CRMs and webhooks deliver the notice); {@code reassign} routes the lead again, without
 * the owners who already missed it, up to {@code maxReassignments} times.
 */
public record Escalation(boolean notifyManager, boolean reassign, int maxReassignments) {

    /** Only the breach event. */
    public static final Escalation NONE = new Escalation(false, false, 0);

    public Escalation {
        if (maxReassignments < 0 || reassign && maxReassignments < 1) {
            throw new IllegalArgumentException("reassignment needs maxReassignments >= 1");
        }
    }
}
