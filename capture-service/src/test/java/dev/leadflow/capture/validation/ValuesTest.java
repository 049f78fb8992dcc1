package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "on", "On", "1", "yes"})
    void readsFormAndJsonTruths(String text) {
        assertThat(Values.bool(text)).hasValue(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "off", "0", "no", "No"})
    void readsFormAndJsonFalsehoods(String text) {
        assertThat(Values.bool(text)).hasValue(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "y", "checked"})
    void refusesOtherBooleans(String text) {
        assertThat(Values.bool(text)).isEmpty();
    }

    @Test
    void readsOnlyCanonicalUuids() {
        UUID id = UUID.randomUUID();
        assertThat(Values.uuid(id.toString())).hasValue(id);
        assertThat(Values.uuid(id.toString().toUpperCase())).hasValue(id);
        assertThat(Values.uuid("1-2-3-4-5")).isEmpty();
        assertThat(Values.uuid(id.toString().replace("-", ""))).isEmpty();
    }

    @Test
    void readsIsoTimestampsWithAnOffset() {
        assertThat(Values.instant("2026-03-01T10:15:30Z")).hasValue(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(Values.instant("2026-03-01T10:15:30.250+02:00")).hasValue(Instant.parse("2026-03-01T08:15:30.250Z"));
        assertThat(Values.instant("2026-03-01T10:15:30")).isEmpty();
        assertThat(Values.instant("2026-03-01")).isEmpty();
        assertThat(Values.instant("yesterday")).isEmpty();
    }
}
