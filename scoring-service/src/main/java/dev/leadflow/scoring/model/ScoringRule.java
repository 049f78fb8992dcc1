package dev.leadflow.scoring.model;

/** A rule of the model: when its condition holds, it adds {@code points} (negative points subtract). */
public sealed interface ScoringRule permits FitRule, EngagementRule {

    String id();

    String description();

    int points();

    Dimension dimension();

    /** Checks what every rule needs, naming the offending field. */
    static void requireValid(String id, String description, int points, Condition condition) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description: must not be blank");
        }
        if (points == 0) {
            throw new IllegalArgumentException("points: must not be 0");
        }
        if (condition == null) {
            throw new IllegalArgumentException("condition: is required");
        }
    }
}
