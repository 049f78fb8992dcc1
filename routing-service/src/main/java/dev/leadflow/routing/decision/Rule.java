package dev.leadflow.routing.decision;

import java.time.Duration;
import java.util.List;

/**
 * A routing rule: when every condition holds (no condition: always), the action decides the owner.
 * {@code firstContactSla} (null: the model's default) counts in the owner's business time; {@code escalation} says
 * what a missed SLA triggers.
 */
public record Rule(String id, List<Condition> conditions, RuleAction action, WhenNoneAvailable whenNoneAvailable,
        Duration firstContactSla, Escalation escalation) {

    public Rule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule id must not be blank");
        }
        conditions = List.copyOf(conditions);
        escalation = escalation == null ? Escalation.NONE : escalation;
    }

    /** A rule without escalation: a missed SLA only publishes {@code lead.sla-breached}. */
    public Rule(String id, List<Condition> conditions, RuleAction action, WhenNoneAvailable whenNoneAvailable,
            Duration firstContactSla) {
        this(id, conditions, action, whenNoneAvailable, firstContactSla, Escalation.NONE);
    }
}
