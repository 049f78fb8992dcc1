package dev.leadflow.scoring.model;

import dev.leadflow.events.ScoreEvidence;
import dev.leadflow.events.ScoreReason;
import java.util.Optional;

/** Adds {@code points} once when the lead satisfies the condition; the evidence shows the fields it read. */
public record FitRule(String id, String description, int points, LeadCondition condition) implements ScoringRule {

    public FitRule {
        ScoringRule.requireValid(id, description, points, condition);
    }

    @Override
    public Dimension dimension() {
        return Dimension.FIT;
    }

    public Optional<ScoreReason> evaluate(LeadFacts lead) {
        return condition.evidenceFor(lead)
                .map(evidence -> new ScoreReason(id, Dimension.FIT.key(), points, description, evidence,
                        condition.fields().stream().map(field -> fieldEvidence(field, lead)).toList()));
    }

    private static ScoreEvidence fieldEvidence(LeadField field, LeadFacts lead) {
        String value = field.valueOf(lead);
        return new ScoreEvidence(field.key(), value == null ? null : field.shown(value), null, null, null, null, null,
                null, 1);
    }
}
