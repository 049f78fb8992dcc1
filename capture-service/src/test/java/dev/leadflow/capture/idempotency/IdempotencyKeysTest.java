package dev.leadflow.capture.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void acceptsPrintableAsciiKeysUpTo255Characters() {
        assertThat(IdempotencyKeys.isValid(UUID.randomUUID().toString())).isTrue();
        assertThat(IdempotencyKeys.isValid("order:42/retry#1")).isTrue();
        assertThat(IdempotencyKeys.isValid("k".repeat(255))).isTrue();
    }

    @Test
    void refusesEmptyLongSpacedOrNonAsciiKeys() {
        assertThat(IdempotencyKeys.isValid("")).isFalse();
        assertThat(IdempotencyKeys.isValid("k".repeat(256))).isFalse();
        assertThat(IdempotencyKeys.isValid("two words")).isFalse();
        assertThat(IdempotencyKeys.isValid("schlüssel")).isFalse();
    }

    @Test
    void fingerprintsEqualRequestsEquallyAndDifferentOnesDifferently() {
        assertThat(IdempotencyKeys.fingerprint("application/json", "{}"))
                .isEqualTo(IdempotencyKeys.fingerprint("application/json", "{}"))
                .isNotEqualTo(IdempotencyKeys.fingerprint("application/json", "{ }"))
                .hasSize(64);
    }

    @Test
    void keepsPartBoundariesInTheFingerprint() {
        assertThat(IdempotencyKeys.fingerprint("ab", "c")).isNotEqualTo(IdempotencyKeys.fingerprint("a", "bc"));
    }
}
