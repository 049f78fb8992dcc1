package dev.leadflow.scoring.model;

import dev.leadflow.events.ScoreDecay;
import dev.leadflow.events.ScoreEvidence;
import dev.leadflow.events.ScoreReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Adds {@code points} for what the lead did. With a {@link TouchpointCondition}: for every matching touchpoint when
 * {@code recurs}, else once (for the latest), each touchpoint's points faded by its age ({@code decay}). With a
 * {@link TouchpointCount}: once, while enough touchpoints fall in its window (no decay: the window is the recency).
 * The rule's total is at most {@code maxPoints} in absolute value when a cap is set (null: no cap).
 *
 * <p>Rounding: the rule's exact total (decayed, then capped) is rounded half away from zero to whole points, and
 * those points are split over the touchpoints in proportion to their exact points ({@link PointShares}), so the
 * touchpoints' shares add up to the reason's points and the reasons to the score, always.
 */
public record EngagementRule(String id, String description, int points, Condition condition, boolean recurs,
        Integer maxPoints, Decay decay) implements ScoringRule {

    /** Touchpoints listed one by one in a reason's details; older ones are summed up in one more entry. */
    static final int LISTED_TOUCHPOINTS = 20;

    public EngagementRule {
        ScoringRule.requireValid(id, description, points, condition);
        if (condition instanceof LeadCondition) {
            throw new IllegalArgumentException("condition: tests the lead, so it belongs in a fit rule");
        }
        if (maxPoints != null && maxPoints < Math.abs(points)) {
            throw new IllegalArgumentException("maxPoints: must be at least the rule's points in absolute value ("
                    + Math.abs(points) + ")");
        }
        decay = decay == null ? Decay.NONE : decay;
        if (condition instanceof TouchpointCount && recurs) {
            throw new IllegalArgumentException("recurs: a count rule scores once while its count holds; "
                    + "it cannot recur");
        }
        if (condition instanceof TouchpointCount && !(decay instanceof NoDecay)) {
            throw new IllegalArgumentException((decay instanceof HalfLife ? "halfLife" : "expiresAfter")
                    + ": a count rule does not decay; its window already limits how old the touchpoints are");
        }
    }

    /** A rule that recurs per matching touchpoint and never decays. */
    public EngagementRule(String id, String description, int points, TouchpointCondition condition,
            Integer maxPoints) {
        this(id, description, points, condition, true, maxPoints, Decay.NONE);
    }

    /**
     * Whether the rule's points can change with time alone, no new touchpoint: it decays (half-life or expiry) or
     * counts touchpoints within a window.
     */
    public boolean changesOverTime() {
        return !(decay instanceof NoDecay) || condition instanceof TouchpointCount;
    }

    @Override
    public Dimension dimension() {
        return Dimension.ENGAGEMENT;
    }

    /** The rule's reason given the lead's touchpoints at the moment {@code now}, or empty if it adds no points. */
    public Optional<ScoreReason> evaluate(List<Touchpoint> touchpoints, Instant now) {
        if (condition instanceof TouchpointCount count) {
            List<Touchpoint> counted = count.counted(touchpoints, now);
            return counted.isEmpty() ? Optional.empty() : reason(counted, now, false, Decay.NONE,
                    counted.size() + " touchpoints within " + DurationText.of(count.within()) + ", latest ");
        }
        TouchpointCondition each = (TouchpointCondition) condition;
        List<Touchpoint> matching = touchpoints.stream().filter(each::matches).toList();
        if (!recurs && !matching.isEmpty()) {
            matching = List.of(matching.stream().max(Comparator.comparing(Touchpoint::occurredAt)).orElseThrow());
        }
        return reason(matching, now, true, decay, matching.size() + " touchpoints, latest ");
    }

    private Optional<ScoreReason> reason(List<Touchpoint> matching, Instant now, boolean perTouchpoint, Decay fading,
            String summaryPrefix) {
        List<Contribution> contributions = new ArrayList<>();
        for (Touchpoint touchpoint : matching) {
            Duration age = Duration.between(touchpoint.occurredAt(), now);
            double factor = fading.factor(age);
            if (factor > 0) {
                contributions.add(new Contribution(touchpoint, age.isNegative() ? Duration.ZERO : age, factor));
            }
        }
        if (contributions.isEmpty()) {
            return Optional.empty();
        }
        double exact = perTouchpoint
                ? contributions.stream().mapToDouble(contribution -> points * contribution.factor()).sum()
                : points;
        boolean capped = maxPoints != null && Math.abs(exact) > maxPoints;
        long awarded = Math.round(Math.abs(capped ? maxPoints : exact));
        if (awarded == 0) {
            return Optional.empty();
        }
        int signedAwarded = Integer.signum(points) * Math.toIntExact(awarded);
        // Newest first: the details a reader wants to see, and the ones kept when older ones are summed up.
        contributions.sort(Comparator.comparing((Contribution c) -> c.touchpoint().occurredAt()).reversed());
        double[] weights = contributions.stream().mapToDouble(Contribution::factor).toArray();
        int[] shares = PointShares.split(Math.toIntExact(awarded), weights);
        List<ScoreEvidence> details = new ArrayList<>();
        int olderPoints = 0;
        for (int i = 0; i < contributions.size(); i++) {
            int share = Integer.signum(points) * shares[i];
            if (i < LISTED_TOUCHPOINTS) {
                details.add(contributions.get(i).evidence(share, points, fading));
            } else {
                olderPoints += share;
            }
        }
        if (contributions.size() > LISTED_TOUCHPOINTS) {
            details.add(new ScoreEvidence(null, null, null, null, null,
                    contributions.get(LISTED_TOUCHPOINTS).touchpoint().occurredAt(), olderPoints, null,
                    contributions.size() - LISTED_TOUCHPOINTS));
        }
        Touchpoint latest = contributions.get(0).touchpoint();
        boolean decayed = contributions.stream().anyMatch(contribution -> contribution.factor() < 1);
        String evidence = (contributions.size() == 1 && perTouchpoint ? latest.evidence()
                : summaryPrefix + latest.evidence())
                + (capped ? ", capped at " + maxPoints : "") + (decayed ? ", decayed" : "");
        return Optional.of(new ScoreReason(id, Dimension.ENGAGEMENT.key(), signedAwarded, description, evidence,
                details));
    }

    private record Contribution(Touchpoint touchpoint, Duration age, double factor) {

        ScoreEvidence evidence(int share, int originalPoints, Decay fading) {
            ScoreDecay decay = fading instanceof NoDecay ? null
                    : new ScoreDecay(originalPoints, round(age.toMillis() / 86_400_000.0, 1_000),
                            round(factor, 10_000));
            return new ScoreEvidence(null, null, touchpoint.id(), touchpoint.type(), touchpoint.shownUrl(),
                    touchpoint.occurredAt(), share, decay, 1);
        }

        /** Rounded for display (to 1/{@code scale}); the points were computed from the exact values. */
        private static double round(double value, double scale) {
            return Math.round(value * scale) / scale;
        }
    }
}
