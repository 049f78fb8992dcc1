package dev.leadflow.routing.decision;

import java.util.List;

/**
 * Why a lead got its owner, as data: the model version used, the account step, each rule evaluated in order (up to
 * the first match), each candidate rep considered with why it was skipped, and the choice.
 */
public record Explanation(int modelVersion, AccountCheck account, List<RuleCheck> rules,
        List<CandidateCheck> candidates, String choice) {

    public Explanation {
        rules = List.copyOf(rules);
        candidates = List.copyOf(candidates);
    }
}
