package dev.leadflow.capture.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormFieldsTest {

    @ParameterizedTest
    @CsvSource({"utm_source, utmSource", "utmSource, utmSource", "utm_content, utmContent", "firstName, firstName",
            "redirectUrl, redirectUrl"})
    void namesEverySpellingByItsCanonicalName(String spelling, String canonical) {
        assertThat(FormFields.canonical(spelling)).hasValue(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"website", "lfFillMs", "first_name", "FirstName", "utm_Source", ""})
    void knowsNoOtherField(String name) {
        assertThat(FormFields.canonical(name)).isEmpty();
    }

    @Test
    void letsAFormRequireEveryFieldButEmailAndFormId() {
        assertThat(FormFields.mayBeRequired("company")).isTrue();
        assertThat(FormFields.mayBeRequired("consentMarketing")).isTrue();
        assertThat(FormFields.mayBeRequired("utmSource")).isTrue();
        assertThat(FormFields.mayBeRequired("email")).isFalse();
        assertThat(FormFields.mayBeRequired("formId")).isFalse();
        assertThat(FormFields.mayBeRequired("website")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "formId", "consentMarketing", "consentTextVersion", "anonymousId", "website"})
    void givesNoDefaultToIdentityConsentOrUnknownFields(String field) {
        assertThat(FormFields.mayHaveDefault(field)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"industry", "country", "utmMedium", "pageUrl", "redirectUrl"})
    void givesDefaultsToOtherFields(String field) {
        assertThat(FormFields.mayHaveDefault(field)).isTrue();
    }
}
