package dev.leadflow.capture.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada.lovelace+leads@mail.example.co.uk", "o'brien@example.ie",
            "x@a-b.io", "user@xn--bcher-kva.example", "a_b-c@sub.domain.org"})
    void acceptsUsualAddresses(String email) {
        assertThat(EmailAddress.hasValidSyntax(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada@example..com",
            ".ada@example.com", "ada.@example.com", "a..b@example.com", "ada lovelace@example.com",
            "ada@-example.com", "ada@example-.com", "ada@example.c", "ada@127.0.0.1", "\"ada\"@example.com",
            "ad\u00E9@example.com", "ada@exam_ple.com"})
    void rejectsMalformedAddresses(String email) {
        assertThat(EmailAddress.hasValidSyntax(email)).isFalse();
    }

    @Test
    void limitsTheLocalPartTo64Characters() {
        assertThat(EmailAddress.localPartFits("a".repeat(64) + "@example.com")).isTrue();
        assertThat(EmailAddress.localPartFits("a".repeat(65) + "@example.com")).isFalse();
    }

    @Test
    void takesTheDomainAfterTheLastAt() {
        assertThat(EmailAddress.domain("ada@gmail.com")).isEqualTo("gmail.com");
    }
}
