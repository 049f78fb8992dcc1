package dev.leadflow.routing.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When to try a delivery again after a failed attempt: the n-th failure waits the n-th step (the last step repeats),
 * spread by a random jitter of up to +-{@code jitter} of the step so that receivers coming back from an outage are
 * not hit by every sender at once. A {@code Retry-After} from the receiver is honoured when it asks for longer, up
 * to {@code maxRetryAfter}. Pure: the random number is passed in.
 *
 * @param steps the waits after the 1st, 2nd, ... failure; at least one, each positive
 * @param jitter the spread as a fraction of the step, in [0, 1)
 * @param maxRetryAfter the longest wait a receiver's {@code Retry-After} can impose
 */
public record BackoffSchedule(List<Duration> steps, double jitter, Duration maxRetryAfter) {

    public BackoffSchedule {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || steps.stream().anyMatch(step -> step.isZero() || step.isNegative())) {
            throw new IllegalArgumentException("backoff needs at least one step, each positive: " + steps);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
        }
    }

    /**
     * The wait after the {@code failures}-th failed attempt.
     *
     * @param failures failed attempts so far, >= 1
     * @param random a uniform random number in [0, 1): 0.5 gives the step itself
     * @param retryAfter what the receiver asked for, if anything
     */
    public Duration delayAfter(int failures, double random, Optional<Duration> retryAfter) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1: " + failures);
        }
        Duration step = steps.get(Math.min(failures, steps.size()) - 1);
        long spread = Math.round(step.toMillis() * jitter * (2 * random - 1));
        Duration delay = step.plusMillis(spread);
        Duration asked = retryAfter.map(wait -> wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait)
                .orElse(Duration.ZERO);
        return asked.compareTo(delay) > 0 ? asked : delay;
    }
}
