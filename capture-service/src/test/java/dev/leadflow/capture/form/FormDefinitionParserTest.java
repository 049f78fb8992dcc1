package dev.leadflow.capture.form;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.capture.lead.DisposableDomains;
import dev.leadflow.capture.lead.FreeMailDomains;
import dev.leadflow.capture.lead.LeadSubmissionParser;
import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.Validated;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormDefinitionParserTest {

    private final FormDefinitionParser parser = new FormDefinitionParser(new LeadSubmissionParser(
            FreeMailDomains.of(Set.of()), DisposableDomains.of(Set.of()))::fieldErrors);

    @Test
    void acceptsAMinimalForm() {
        FormDefinition form = valid("newsletter", Map.of("name", " Newsletter "));

        assertThat(form).isEqualTo(new FormDefinition("newsletter", "Newsletter", List.of(), List.of(), List.of(),
                null, Duration.ZERO, null, Map.of()));
    }

    @Test
    void normalisesEverySetting() {
        FormDefinition form = valid("contact", Map.of(
                "formId", "contact",
                "name", "Contact sales",
                "allowedOrigins", List.of("HTTPS://www.Example.com:443/", "https://*.example.com",
                        "https://www.example.com"),
                "requiredFields", List.of("firstName", "utm_source", "utmSource"),
                "allowedRedirects", List.of("https://www.example.com/thanks", "Go.Example.com"),
                "honeypotField", "website",
                "minFillTime", "PT2.5S",
                "consentTextVersion", " privacy-2026.1 ",
                "hiddenDefaults", Map.of("utm_medium", "Web-Form", "country", "Germany"),
                "version", 7));

        assertThat(form).isEqualTo(new FormDefinition("contact", "Contact sales",
                List.of("https://www.example.com", "https://*.example.com"), List.of("firstName", "utmSource"),
                List.of("https://www.example.com/thanks", "go.example.com"), "website", Duration.ofMillis(2500),
                "privacy-2026.1", Map.of("utmMedium", "Web-Form", "country", "Germany")));
    }

    @Test
    void acceptsWhatGetReturnedSentBackAsItIs() {
        Map<String, Object> stored = new HashMap<>(Map.of("formId", "f", "name", "F", "minFillTime", "PT0S",
                "allowedOrigins", List.of(), "version", 3, "updatedAt", "2026-11-24T09:30:00Z"));

        assertThat(parser.parse("f", stored)).isInstanceOf(Validated.Valid.class);
    }

    @Test
    void requiresANameAndAWellFormedFormIdEqualToThePath() {
        assertThat(errors("bad id!", Map.of("formId", "other"))).containsExactly(
                new FieldError("formId", "pattern", "must be 1 to 64 letters, digits, '_' or '-'"),
                new FieldError("formId", "matchesPath", "must equal the formId in the path"),
                new FieldError("name", "required", "is required"));
        assertThat(rules("f", Map.of("name", "x".repeat(201)))).containsExactly("name:maxLength");
        assertThat(rules("x".repeat(65), Map.of("name", "F"))).containsExactly("formId:pattern");
    }

    @Test
    void refusesUnknownSettingsSoATypoIsNoticed() {
        assertThat(errors("f", Map.of("name", "F", "allowedOrigin", List.of(), "redirects", List.of())))
                .containsExactly(new FieldError("allowedOrigin", "unknownField", "is not a form setting"),
                        new FieldError("redirects", "unknownField", "is not a form setting"));
    }

    @Test
    void namesEveryBadListEntry() {
        assertThat(rules("f", Map.of("name", "F",
                "allowedOrigins", List.of("https://ok.example.com", "https://www.example.com/path", 5),
                "requiredFields", List.of("email", "website", "company"),
                "allowedRedirects", List.of("ftp://x.example.com/", " "))))
                .containsExactly("allowedOrigins[1]:origin", "allowedOrigins[2]:type", "requiredFields[0]:knownField",
                        "requiredFields[1]:knownField", "allowedRedirects[0]:redirectTarget",
                        "allowedRedirects[1]:redirectTarget");
    }

    @Test
    void refusesAListThatIsNoneOrTooLong() {
        assertThat(rules("f", Map.of("name", "F", "allowedOrigins", "https://www.example.com",
                "requiredFields", Map.of(), "allowedRedirects", java.util.Collections.nCopies(101, "example.com"))))
                .containsExactly("allowedOrigins:type", "requiredFields:type", "allowedRedirects:maxItems");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "utm_source", "redirectUrl", "lfFillMs"})
    void keepsTheHoneypotOffTheFieldsIntakeReads(String field) {
        assertThat(rules("f", Map.of("name", "F", "honeypotField", field))).containsExactly("honeypotField:reservedName");
    }

    @Test
    void refusesAHoneypotNameThatCouldNotBeAFormField() {
        assertThat(rules("f", Map.of("name", "F", "honeypotField", "a b"))).containsExactly("honeypotField:pattern");
    }

    @Test
    void readsTheMinimumFillTimeAsAnIso8601DurationUpToTenMinutes() {
        assertThat(valid("f", Map.of("name", "F", "minFillTime", "PT10M")).minFillTime())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(rules("f", Map.of("name", "F", "minFillTime", "3s"))).containsExactly("minFillTime:duration");
        assertThat(rules("f", Map.of("name", "F", "minFillTime", 3))).containsExactly("minFillTime:duration");
        assertThat(rules("f", Map.of("name", "F", "minFillTime", "PT10M0.001S"))).containsExactly("minFillTime:range");
        assertThat(rules("f", Map.of("name", "F", "minFillTime", "-PT1S"))).containsExactly("minFillTime:range");
    }

    @Test
    void limitsTheConsentTextVersion() {
        assertThat(rules("f", Map.of("name", "F", "consentTextVersion", "v".repeat(65))))
                .containsExactly("consentTextVersion:maxLength");
    }

    @Test
    void refusesDefaultsForFieldsThatMayHaveNone() {
        assertThat(rules("f", Map.of("name", "F", "hiddenDefaults", Map.of("email", "a@example.com",
                "consentMarketing", "true", "website", "x"))))
                .containsExactlyInAnyOrder("hiddenDefaults.email:knownField",
                        "hiddenDefaults.consentMarketing:knownField", "hiddenDefaults.website:knownField");
    }

    @Test
    void checksDefaultValuesWithIntakesOwnRules() {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("country", "Atlantis");
        defaults.put("utm_source", "x".repeat(201));
        defaults.put("pageUrl", "not a url");
        defaults.put("industry", List.of("a"));
        defaults.put("company", " ");
        defaults.put("jobTitle", null);

        assertThat(rules("f", Map.of("name", "F", "hiddenDefaults", defaults))).containsExactlyInAnyOrder(
                "hiddenDefaults.country:country", "hiddenDefaults.utm_source:maxLength", "hiddenDefaults.pageUrl:url",
                "hiddenDefaults.industry:type", "hiddenDefaults.company:notEmpty", "hiddenDefaults.jobTitle:type");
    }

    @Test
    void keepsADefaultRedirectWithinTheAllowedRedirects() {
        assertThat(rules("f", Map.of("name", "F", "allowedRedirects", List.of("www.example.com"),
                "hiddenDefaults", Map.of("redirectUrl", "https://evil.example.net/"))))
                .containsExactly("hiddenDefaults.redirectUrl:allowedRedirect");
        assertThat(valid("f", Map.of("name", "F", "allowedRedirects", List.of("www.example.com"),
                "hiddenDefaults", Map.of("redirectUrl", "https://www.example.com/thanks"))).hiddenDefaults())
                .containsEntry("redirectUrl", "https://www.example.com/thanks");
    }

    @Test
    void refusesDefaultsThatAreNoObject() {
        assertThat(rules("f", Map.of("name", "F", "hiddenDefaults", List.of("industry"))))
                .containsExactly("hiddenDefaults:type");
    }

    private FormDefinition valid(String formId, Map<String, ?> body) {
        Validated<FormDefinition> parsed = parser.parse(formId, body);
        assertThat(parsed).isInstanceOf(Validated.Valid.class);
        return ((Validated.Valid<FormDefinition>) parsed).value();
    }

    private List<FieldError> errors(String formId, Map<String, ?> body) {
        Validated<FormDefinition> parsed = parser.parse(formId, body);
        assertThat(parsed).isInstanceOf(Validated.Invalid.class);
        return ((Validated.Invalid<FormDefinition>) parsed).errors();
    }

    private List<String> rules(String formId, Map<String, ?> body) {
        return errors(formId, body).stream().map(error -> error.field() + ":" + error.rule()).toList();
    }
}
