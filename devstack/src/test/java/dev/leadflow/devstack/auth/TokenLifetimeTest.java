package dev.leadflow.devstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenLifetimeTest {

    @ParameterizedTest
    @CsvSource({
            "90s, PT1M30S",
            "30m, PT30M",
            "1h, PT1H",
            "12H, PT12H",
            "7d, PT168H",
            "' 2h ', PT2H",
            "PT1H, PT1H",
            "pt15m, PT15M",
            "P1D, PT24H"})
    void readsSecondsMinutesHoursDaysAndIsoDurations(String text, String expected) {
        assertThat(TokenLifetime.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "h", "0h", "-1h", "1.5h", "1w", "01h", "PT0S", "PT-1H", "1 h", "soon"})
    void rejectsAnythingElseNamingTheOption(String text) {
        assertThatThrownBy(() -> TokenLifetime.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--ttl must be a positive duration")
                .hasMessageEndingWith(text);
    }
}
