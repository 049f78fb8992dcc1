package dev.leadflow.routing.decision;

import java.time.Duration;
import java.util.List;

/**
 * A routing rule: when every condition holds (no condition: always), the action decides the owner.
 * {@code firstContactSla} is carried into the decision (business-time SLA timers come with a later change).
 */
public record Rule(String id, List<Condition> conditions, RuleAction action, WhenNoneAvailable whenNoneAvailable,
        Duration firstContactSla) {

    public Rule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule id must not be blank");
        }
        conditions = List.copyOf(conditions);
    }
}
