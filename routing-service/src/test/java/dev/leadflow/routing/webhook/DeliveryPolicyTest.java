package dev.leadflow.routing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final double NO_SPREAD = 0.5;
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(4, new BackoffSchedule(
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)), 0.2, Duration.ofHours(1)));

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void a2xxIsDelivered(int status) {
        assertThat(POLICY.next(1, new DeliveryPolicy.Answered(status, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Delivered());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
    void timeoutsRateLimitsAndServerErrorsAreRetriedOnTheSchedule(int status) {
        assertThat(POLICY.next(1, new DeliveryPolicy.Answered(status, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(1), "HTTP " + status));
        assertThat(POLICY.next(2, new DeliveryPolicy.Answered(status, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(5), "HTTP " + status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 410, 413, 422})
    void otherClientErrorsFailAtOnce(int status) {
        assertThat(POLICY.next(1, new DeliveryPolicy.Answered(status, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Failed("HTTP " + status + ": not retried"));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectsAreNotFollowedAndFailAtOnce(int status) {
        assertThat(POLICY.next(1, new DeliveryPolicy.Answered(status, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Failed("HTTP " + status + ": not retried (redirects are not followed)"));
    }

    @Test
    void noAnswerIsRetriedWithItsError() {
        assertThat(POLICY.next(3, new DeliveryPolicy.NoAnswer("connect timeout"), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(30), "connect timeout"));
    }

    @Test
    void honoursRetryAfterOnATooManyRequests() {
        assertThat(POLICY.next(1, new DeliveryPolicy.Answered(429, "120"), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(120), "HTTP 429"));
        assertThat(POLICY.next(1, new DeliveryPolicy.Answered(503, "Tue, 24 Nov 2026 10:10:00 GMT"), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plus(Duration.ofMinutes(10)), "HTTP 503"));
    }

    @Test
    void deadLettersARetryableFailureOnceTheAttemptsAreUsedUp() {
        assertThat(POLICY.next(4, new DeliveryPolicy.Answered(503, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Dead("gave up after 4 attempts: HTTP 503"));
        assertThat(POLICY.next(4, new DeliveryPolicy.NoAnswer("read timeout"), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Dead("gave up after 4 attempts: read timeout"));
    }

    @Test
    void stillDeliversOnTheLastAttempt() {
        assertThat(POLICY.next(4, new DeliveryPolicy.Answered(200, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Delivered());
    }

    @Test
    void withOneAttemptAFailureIsDeadAtOnce() {
        DeliveryPolicy once = new DeliveryPolicy(1,
                new BackoffSchedule(List.of(Duration.ofSeconds(1)), 0, Duration.ofHours(1)));
        assertThat(once.next(1, new DeliveryPolicy.Answered(500, null), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Dead("gave up after 1 attempt: HTTP 500"));
    }

    @Test
    void aRefusedAddressFailsAtOnce() {
        assertThat(POLICY.next(1, new DeliveryPolicy.Refused("refused: private address"), NOW, NO_SPREAD))
                .isEqualTo(new DeliveryPolicy.Failed("refused: private address"));
    }

    @Test
    void refusesLessThanOneAttempt() {
        assertThatThrownBy(() -> new DeliveryPolicy(0, POLICY.backoff())).isInstanceOf(IllegalArgumentException.class);
    }
}
