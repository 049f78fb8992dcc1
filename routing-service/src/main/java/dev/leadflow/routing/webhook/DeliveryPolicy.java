package dev.leadflow.routing.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What follows an attempt to deliver a webhook: 2xx is delivered; 408, 429, 5xx, timeouts and connection errors are
 * retried on the {@link BackoffSchedule} until {@code maxAttempts} attempts were made, then dead-lettered; any other
 * status (other 4xx, and 3xx since redirects are not followed) fails at once, as does a refused address. Pure.
 */
public record DeliveryPolicy(int maxAttempts, BackoffSchedule backoff) {

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
    }

    /** How one attempt ended. */
    public sealed interface Attempt {
    }

    /** The receiver answered with {@code status}; {@code retryAfter} is its {@code Retry-After} header, or null. */
    public record Answered(int status, String retryAfter) implements Attempt {
    }

    /** No answer: timeout, connection refused or reset, unknown host. {@code error} names it without PII. */
    public record NoAnswer(String error) implements Attempt {
    }

    /** Not sent: the endpoint's address is not allowed (e.g. it now resolves to a private address). */
    public record Refused(String reason) implements Attempt {
    }

    /** The delivery's next state. */
    public sealed interface Next {
        /** A short reason for the delivery log; null when delivered. */
        String reason();
    }

    public record Delivered() implements Next {
        @Override
        public String reason() {
            return null;
        }
    }

    public record RetryAt(Instant at, String reason) implements Next {
    }

    public record Failed(String reason) implements Next {
    }

    public record Dead(String reason) implements Next {
    }

    /**
     * @param attempts attempts made so far including this one (since creation or the last redelivery)
     * @param attempt how this one ended
     * @param now when it ended
     * @param random a uniform random number in [0, 1) for the jitter
     */
    public Next next(int attempts, Attempt attempt, Instant now, double random) {
        if (attempt instanceof Refused refused) {
            return new Failed(refused.reason());
        }
        if (attempt instanceof NoAnswer noAnswer) {
            return retry(attempts, noAnswer.error(), Optional.empty(), now, random);
        }
        Answered answered = (Answered) attempt;
        int status = answered.status();
        if (status >= 200 && status < 300) {
            return new Delivered();
        }
        if (isRetryable(status)) {
            return retry(attempts, "HTTP " + status, RetryAfter.parse(answered.retryAfter(), now), now, random);
        }
        return new Failed("HTTP " + status + ": not retried"
                + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
    }

    /** 408 Request Timeout, 429 Too Many Requests and every 5xx are worth another try. */
    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private Next retry(int attempts, String error, Optional<Duration> retryAfter, Instant now, double random) {
        if (attempts >= maxAttempts) {
            return new Dead("gave up after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + error);
        }
        return new RetryAt(now.plus(backoff.delayAfter(attempts, random, retryAfter)), error);
    }
}
