package dev.leadflow.routing.rest;

import dev.leadflow.routing.sla.SlaTimer;
import java.time.Instant;
import java.util.List;

/**
 * The first-contact SLA of one decision in the audit: its state, what a breach triggered, and the timeline
 * (started, due, breached, contacted, closed) in time order.
 */
public record SlaView(String status, String ruleId, Instant startedAt, Instant dueAt, Instant breachedAt,
        String escalation, String notifiedManager, String reassignedTo, Instant contactedAt, String contactedBy,
        Instant closedAt, String closedBy, List<SlaTimer.Step> timeline) {

    static SlaView of(SlaTimer timer) {
        return new SlaView(timer.status(), timer.ruleId(), timer.startedAt(), timer.dueAt(), timer.breachedAt(),
                timer.escalation(), timer.notifiedManager(), timer.reassignedTo(), timer.contactedAt(),
                timer.contactedBy(), timer.closedAt(), timer.closedBy(), timer.timeline());
    }
}
