package dev.leadflow.routing.decision;

import java.time.Duration;
import java.util.List;

/**
 * Who gets a qualified lead and why. {@code ruleId} is the matched rule, {@code account:<id>} for an account owner,
 * or {@link #NO_RULE_MATCHED}. {@code reason} is one sentence naming reps by id and never carrying lead data;
 * {@code candidates} are the rep ids considered, in order. {@code teamStateAfter} is the team's distribution state
 * to store, or null when no team was involved.
 */
public record RoutingDecision(Assignee assignee, String ruleId, String reason, Duration firstContactSla,
        List<String> candidates, Explanation explanation, TeamState teamStateAfter) {

    /** Rule id of a lead that no rule matched: it goes to the model's default queue. */
    public static final String NO_RULE_MATCHED = "no-rule-matched";
    /** Rule id prefix of a lead that went to its named account's owner. */
    public static final String ACCOUNT_PREFIX = "account:";

    public RoutingDecision {
        candidates = List.copyOf(candidates);
    }
}
