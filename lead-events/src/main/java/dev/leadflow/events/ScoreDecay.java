package dev.leadflow.events;

/**
 * How a touchpoint's points decayed: the rule's {@code originalPoints}, the touchpoint's age in days when scored
 * and the factor applied (1 = fresh, 0 = expired). The decayed points are {@code originalPoints * factor} before
 * rounding.
 */
public record ScoreDecay(int originalPoints, double ageDays, double factor) {
}
