package dev.leadflow.events;

import java.util.List;

/**
 * One rule's contribution to a score: which rule, to which dimension ({@code fit} or {@code engagement}),
 * how many points, and the evidence (the field value or touchpoint that triggered it). {@code evidence} is a
 * one-line summary; {@code details} lists each field or touchpoint behind it. For touchpoints, each detail carries
 * its share of the points and its decay, and the shares add up to {@code points}.
 */
public record ScoreReason(String ruleId, String dimension, int points, String description, String evidence,
        List<ScoreEvidence> details) {

    public ScoreReason {
        // Events written before details existed have none.
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** The reason as it was before details: without them. */
    public ScoreReason(String ruleId, String dimension, int points, String description, String evidence) {
        this(ruleId, dimension, points, description, evidence, List.of());
    }
}
