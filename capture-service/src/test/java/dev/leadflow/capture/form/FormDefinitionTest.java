package dev.leadflow.capture.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.capture.form.FormDefinition.BotSignal;
import dev.leadflow.capture.validation.FieldError;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormDefinitionTest {

    private static final FormDefinition CONTACT = new FormDefinition("contact", "Contact",
            List.of("https://www.example.com"), List.of("firstName", "utmSource"), List.of("https://www.example.com/thanks"),
            "website", Duration.ofSeconds(3), "privacy-1", Map.of("industry", "Software", "utmMedium", "web"));
    private static final FormDefinition PLAIN = new FormDefinition("plain", "Plain", List.of(), List.of(), List.of(),
            null, null, null, Map.of());

    @Test
    void allowsRequestsWithoutOriginAndAnyOriginWhenTheFormListsNone() {
        assertThat(CONTACT.allowsOrigin(null)).isTrue();
        assertThat(PLAIN.allowsOrigin("https://anywhere.example.net")).isTrue();
        assertThat(PLAIN.allowsOrigin("null")).isTrue();
    }

    @Test
    void allowsOnlyListedOriginsWhenTheFormListsSome() {
        assertThat(CONTACT.allowsOrigin("https://www.example.com")).isTrue();
        assertThat(CONTACT.allowsOrigin("https://evil.example.net")).isFalse();
        assertThat(CONTACT.allowsOrigin("null")).isFalse();
    }

    @Test
    void fillsAbsentFieldsWithTheDefaultsAndTheConsentTextVersion() {
        Map<String, Object> completed = CONTACT.withDefaults(Map.of("email", "ada@example.com"));

        assertThat(completed).containsEntry("email", "ada@example.com")
                .containsEntry("industry", "Software")
                .containsEntry("utmMedium", "web")
                .containsEntry("consentTextVersion", "privacy-1");
    }

    @Test
    void neverOverridesAValueTheSubmissionGivesInAnySpelling() {
        Map<String, Object> completed = CONTACT.withDefaults(Map.of("industry", "Retail", "utm_medium", "cpc",
                "consentTextVersion", "own-version"));

        assertThat(completed).containsEntry("industry", "Retail")
                .containsEntry("utm_medium", "cpc")
                .doesNotContainKey("utmMedium")
                .containsEntry("consentTextVersion", "own-version");
    }

    @Test
    void treatsABlankValueAsAbsent() {
        Map<String, Object> completed = CONTACT.withDefaults(Map.of("industry", " \t", "utmMedium", ""));

        assertThat(completed).containsEntry("industry", "Software").containsEntry("utmMedium", "web");
    }

    @Test
    void reportsEveryMissingRequiredField() {
        assertThat(CONTACT.check(Map.of("firstName", " "))).containsExactly(
                new FieldError("firstName", "required", "is required by this form"),
                new FieldError("utmSource", "required", "is required by this form"));
    }

    @Test
    void acceptsARequiredFieldInEitherSpellingOrAsAnyValue() {
        assertThat(CONTACT.check(Map.of("firstName", List.of("x"), "utm_source", "google"))).isEmpty();
        assertThat(CONTACT.check(Map.of("firstName", 42, "utmSource", true))).isEmpty();
    }

    @Test
    void refusesARedirectOutsideTheList() {
        Map<String, Object> fields = Map.of("firstName", "Ada", "utmSource", "x",
                "redirectUrl", "https://evil.example.net/");

        assertThat(CONTACT.check(fields)).containsExactly(new FieldError("redirectUrl", "allowedRedirect",
                "must point to a page this form may redirect to"));
        assertThat(PLAIN.check(Map.of("redirectUrl", "https://www.example.com/thanks"))).extracting(FieldError::rule)
                .containsExactly("allowedRedirect");
    }

    @Test
    void leavesAnInvalidRedirectUrlToIntakesUrlRule() {
        assertThat(PLAIN.check(Map.of("redirectUrl", "javascript:alert(1)"))).isEmpty();
        assertThat(CONTACT.check(Map.of("firstName", "Ada", "utmSource", "x",
                "redirectUrl", "https://www.example.com/thanks?lead=1"))).isEmpty();
    }

    @Test
    void dropsASubmissionWhoseHoneypotIsFilled() {
        assertThat(CONTACT.botSignal(Map.of("website", "https://spam.example"))).hasValue(BotSignal.HONEYPOT);
        assertThat(CONTACT.botSignal(Map.of("website", List.of("x")))).hasValue(BotSignal.HONEYPOT);
        assertThat(CONTACT.botSignal(Map.of("website", " "))).isEmpty();
        assertThat(CONTACT.botSignal(Map.of("email", "ada@example.com"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0, TOO_FAST", "2999, TOO_FAST", "3000, ", "60000, ", "' 150 ', TOO_FAST"})
    void dropsASubmissionFilledFasterThanTheMinimum(String fillMs, BotSignal expected) {
        assertThat(CONTACT.botSignal(Map.of(FormFields.FILL_TIME, fillMs))).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"''", "-1", "fast", "1.5", "9999999999999"})
    void doesNotJudgeAFillTimeItCannotRead(String fillMs) {
        assertThat(CONTACT.botSignal(Map.of(FormFields.FILL_TIME, fillMs))).isEmpty();
    }

    @Test
    void doesNotJudgeTimeWithoutAMinimumOrWithoutTheTracker() {
        assertThat(PLAIN.botSignal(Map.of(FormFields.FILL_TIME, "0", "website", "x"))).isEmpty();
        assertThat(CONTACT.botSignal(Map.of("email", "ada@example.com"))).isEmpty();
    }

    @Test
    void reportsTheHoneypotBeforeTheFillTime() {
        Map<String, Object> fields = new HashMap<>(Map.of("website", "x", FormFields.FILL_TIME, "1"));

        assertThat(CONTACT.botSignal(fields)).hasValue(BotSignal.HONEYPOT);
    }
}
