package dev.leadflow.scoring.model;

import dev.leadflow.events.ScoreReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A versioned set of fit and engagement rules, the qualification policy and the grade bands. Scoring is a pure
 * function of the lead's facts, its touchpoints and the moment of scoring ({@code now}, which decay and count
 * windows depend on): the same inputs always give the same score and reasons, in rule order.
 */
public record ScoringModel(String version, QualificationPolicy policy, GradeBands grades, List<FitRule> fit,
        List<EngagementRule> engagement) {

    public static final int DEFAULT_THRESHOLD = QualificationPolicy.DEFAULT_THRESHOLD;

    public ScoringModel {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version: must not be blank");
        }
        if (policy == null) {
            throw new IllegalArgumentException("threshold: is required");
        }
        grades = grades == null ? GradeBands.DEFAULT : grades;
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

    /** A model that qualifies at {@code threshold} without a minimum fit, graded by the default bands. */
    public ScoringModel(String version, int threshold, List<FitRule> fit, List<EngagementRule> engagement) {
        this(version, new QualificationPolicy(threshold, null), GradeBands.DEFAULT, fit, engagement);
    }

    public int threshold() {
        return policy.threshold();
    }

    /** The lead's score at the moment {@code now}. */
    public Score score(LeadFacts lead, List<Touchpoint> touchpoints, Instant now) {
        List<ScoreReason> reasons = new ArrayList<>();
        for (FitRule rule : fit) {
            rule.evaluate(lead).ifPresent(reasons::add);
        }
        for (EngagementRule rule : engagement) {
            rule.evaluate(touchpoints, now).ifPresent(reasons::add);
        }
        return Score.of(reasons);
    }

    /** The ids of the rules whose points can change with time alone ({@link EngagementRule#changesOverTime}). */
    public Set<String> rulesChangingOverTime() {
        Set<String> ids = new LinkedHashSet<>();
        engagement.stream().filter(EngagementRule::changesOverTime).map(EngagementRule::id).forEach(ids::add);
        return ids;
    }

    /** The score's grade, A1 (best fit, most engaged) to D4. */
    public String grade(Score score) {
        return grades.grade(score);
    }
}
