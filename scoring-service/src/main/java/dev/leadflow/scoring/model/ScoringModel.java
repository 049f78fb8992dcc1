package dev.leadflow.scoring.model;

import dev.leadflow.events.ScoreReason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A versioned set of fit and engagement rules and the MQL threshold. Scoring is a pure function of the lead's facts
 * and touchpoints: the same inputs always give the same score and reasons, in rule order.
 */
public record ScoringModel(String version, int threshold, List<FitRule> fit, List<EngagementRule> engagement) {

    public static final int DEFAULT_THRESHOLD = 100;

    public ScoringModel {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version: must not be blank");
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold: must be at least 1");
        }
        fit = List.copyOf(fit);
        engagement = List.copyOf(engagement);
        if (fit.isEmpty() && engagement.isEmpty()) {
            throw new IllegalArgumentException("fit, engagement: the model has no rules");
        }
        Set<String> ids = new HashSet<>();
        Stream.concat(fit.stream(), engagement.stream()).map(ScoringRule::id).filter(id -> !ids.add(id)).findFirst()
                .ifPresent(id -> {
                    throw new IllegalArgumentException("id: rule id '" + id + "' is used by more than one rule");
                });
    }

    public Score score(LeadFacts lead, List<Touchpoint> touchpoints) {
        List<ScoreReason> reasons = new ArrayList<>();
        fit.forEach(rule -> rule.evaluate(lead).ifPresent(reasons::add));
        engagement.forEach(rule -> rule.evaluate(touchpoints).ifPresent(reasons::add));
        return Score.of(reasons);
    }
}
