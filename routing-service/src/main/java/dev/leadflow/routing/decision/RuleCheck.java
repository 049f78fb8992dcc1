package dev.leadflow.routing.decision;

import java.util.List;

/** One rule evaluated for a lead: whether it matched, and each condition's outcome in order. */
public record RuleCheck(String ruleId, boolean matched, List<String> conditions) {

    public RuleCheck {
        conditions = List.copyOf(conditions);
    }
}
