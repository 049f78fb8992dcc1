package dev.leadflow.events;

/**
 * One rule's contribution to a score: which rule, to which dimension ({@code fit} or {@code engagement}),
 * how many points, and the evidence (the field value or touchpoint that triggered it).
 */
public record ScoreReason(String ruleId, String dimension, int points, String description, String evidence) {
}
