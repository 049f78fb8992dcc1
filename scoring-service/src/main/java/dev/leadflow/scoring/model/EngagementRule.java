package dev.leadflow.scoring.model;

import dev.leadflow.events.ScoreReason;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Adds {@code points} for every touchpoint that satisfies the condition, at most {@code maxPoints} in all (in
 * absolute value, for negative points) when a cap is set; {@code maxPoints} is null for no cap.
 */
public record EngagementRule(String id, String description, int points, TouchpointCondition condition,
        Integer maxPoints) implements ScoringRule {

    public EngagementRule {
        ScoringRule.requireValid(id, description, points, condition);
        if (maxPoints != null && maxPoints < Math.abs(points)) {
            throw new IllegalArgumentException("maxPoints: must be at least the rule's points in absolute value ("
                    + Math.abs(points) + ")");
        }
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    public Optional<ScoreReason> evaluate(List<Touchpoint> touchpoints) {
        List<Touchpoint> matching = touchpoints.stream().filter(condition::matches).toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        long uncapped = (long) points * matching.size();
        boolean capped = maxPoints != null && Math.abs(uncapped) > maxPoints;
        int awarded = capped ? Integer.signum(points) * maxPoints : Math.toIntExact(uncapped);
        return Optional.of(new ScoreReason(id, Dimension.ENGAGEMENT.key(), awarded, description,
                evidence(matching, capped)));
    }

    private String evidence(List<Touchpoint> matching, boolean capped) {
        Touchpoint latest = matching.stream().max(Comparator.comparing(Touchpoint::occurredAt)).orElseThrow();
        if (matching.size() == 1) {
            return latest.evidence();
        }
        return matching.size() + " touchpoints, latest " + latest.evidence() + (capped ? ", capped at " + maxPoints : "");
    }
}
