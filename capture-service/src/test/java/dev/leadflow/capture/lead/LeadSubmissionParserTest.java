package dev.leadflow.capture.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.leadflow.capture.form.FormFields;
import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.Validated;
import dev.leadflow.events.Utm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeadSubmissionParserTest {

    private final LeadSubmissionParser parser = new LeadSubmissionParser(FreeMailDomains.of(Set.of("gmail.com")),
            DisposableDomains.of(Set.of("mailinator.com")));

    @Test
    void acceptsAMinimalSubmission() {
        LeadSubmission lead = valid(Map.of("email", "ada@example.com", "formId", "demo"));

        assertThat(lead.email()).isEqualTo("ada@example.com");
        assertThat(lead.formId()).isEqualTo("demo");
        assertThat(lead.profile().firstName()).isNull();
        assertThat(lead.consentMarketing()).isNull();
        assertThat(lead.consentTextVersion()).isNull();
        assertThat(lead.utm()).isNull();
        assertThat(lead.freeMailDomain()).isFalse();
        assertThat(lead.disposableEmailDomain()).isFalse();
    }

    @Test
    void normalisesEveryField() {
        Map<String, Object> fields = new HashMap<>(Map.of("email", "  Ada.Lovelace@Example.COM ",
                "formId", " demo ", "firstName", " Ada\u0000 ", "lastName", "Lovelace\n", "company", " Analytical ",
                "jobTitle", "", "phone", " +44 20 7946 0958 ", "country", " gb ", "companySize", " 1,000+ ",
                "industry", " Computing\u0007 "));
        fields.putAll(Map.of("consentMarketing", "on", "consentTextVersion", " privacy-2026.1 ",
                "utmSource", " Google ", "utm_medium", "CPC",
                "pageUrl", " https://www.example.com/pricing ", "referrer", "https://search.example/",
                "anonymousId", " anon-1 ", "redirectUrl", "https://www.example.com/thanks"));

        LeadSubmission lead = valid(fields);

        assertThat(lead.email()).isEqualTo("ada.lovelace@example.com");
        assertThat(lead.formId()).isEqualTo("demo");
        assertThat(lead.profile().firstName()).isEqualTo("Ada");
        assertThat(lead.profile().lastName()).isEqualTo("Lovelace");
        assertThat(lead.profile().company()).isEqualTo("Analytical");
        assertThat(lead.profile().jobTitle()).isNull();
        assertThat(lead.profile().phone()).isEqualTo("+442079460958");
        assertThat(lead.profile().country()).isEqualTo("GB");
        assertThat(lead.profile().companySize()).isEqualTo("1000-4999");
        assertThat(lead.profile().industry()).isEqualTo("Computing");
        assertThat(lead.consentMarketing()).isTrue();
        assertThat(lead.consentTextVersion()).isEqualTo("privacy-2026.1");
        assertThat(lead.utm().source()).isEqualTo("google");
        assertThat(lead.utm().medium()).isEqualTo("cpc");
        assertThat(lead.utm().campaign()).isNull();
        assertThat(lead.pageUrl()).isEqualTo("https://www.example.com/pricing");
        assertThat(lead.referrer()).isEqualTo("https://search.example/");
        assertThat(lead.anonymousId()).isEqualTo("anon-1");
        assertThat(lead.redirectUrl()).isEqualTo("https://www.example.com/thanks");
    }

    @Test
    void requiresEmailAndFormId() {
        assertThat(errors(Map.of())).containsExactly(
                new FieldError("email", "required", "is required"),
                new FieldError("formId", "required", "is required"));
    }

    @Test
    void rejectsAMalformedEmail() {
        assertThat(errors(Map.of("email", "ada@example", "formId", "demo")))
                .containsExactly(new FieldError("email", "email", "must be a valid email address"));
    }

    @Test
    void limitsTheEmailLocalPartTo64Characters() {
        assertThat(errors(Map.of("email", "a".repeat(65) + "@example.com", "formId", "demo")))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("email", "maxLength"));
    }

    @Test
    void limitsTheEmailTo254Characters() {
        String longDomain = String.join(".", List.of("a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(57)))
                + ".com";
        assertThat(errors(Map.of("email", "ada@" + longDomain, "formId", "demo")))
                .extracting(FieldError::rule).containsExactly("maxLength");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo form", "demo/form", "démo",
            "x12345678901234567890123456789012345678901234567890123456789012345"})
    void restrictsFormIdsToSlugs(String formId) {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", formId)))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("formId", "pattern"));
    }

    @ParameterizedTest
    @CsvSource({"firstName,100", "lastName,100", "company,200", "jobTitle,150", "industry,100",
            "consentTextVersion,64", "utmSource,200", "utm_campaign,200", "pageUrl,2048"})
    void limitsTheLengthOfEveryTextField(String field, int max) {
        String prefix = field.equals("pageUrl") ? "https://example.com/" : "";
        String fits = prefix + "x".repeat(max - prefix.length());
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", field, fits))).isEmpty();
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", field, fits + "x")))
                .containsExactly(new FieldError(field, "maxLength", "must be at most " + max + " characters"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+1 (201) 555-0123 |      | +12015550123",
            "030 1234567       | DE   | +49301234567",
            "030 1234567       | de   | +49301234567",
            "030 1234567       | Germany | +49301234567",
            "+44 20 7946 0958 ext. 12 | | +442079460958",
            "(201) 555-0123 x7 | USA  | +12015550123",
            "+49 30 1234567    | US   | +49301234567"})
    void writesPhoneNumbersInE164ReadingNationalOnesAsOfTheLeadsCountry(String phone, String country, String e164) {
        Map<String, String> fields = new HashMap<>(Map.of("email", "ada@example.com", "formId", "demo", "phone", phone));
        if (country != null) {
            fields.put("country", country);
        }
        assertThat(valid(fields).profile().phone()).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "12", "+", "555-CALL-NOW", "<script>", "030 1234567", "+1 555", "+99 123456789",
            "+44 20 7946 095"})
    void rejectsWhatIsNotAValidPhoneNumber(String phone) {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "phone", phone)))
                .containsExactly(new FieldError("phone", "phone", "must be a valid phone number, in international "
                        + "form (+44 20 7946 0958) unless country is given"));
    }

    @Test
    void rejectsANationalNumberThatIsInvalidInTheLeadsCountry() {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "phone", "12345", "country", "GB")))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("phone", "phone"));
    }

    @Test
    void limitsPhoneNumbersTo40CharactersWithoutAlsoCallingThemInvalid() {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "phone", "+44 " + "2".repeat(37))))
                .extracting(FieldError::rule).containsExactly("maxLength");
    }

    @ParameterizedTest
    @CsvSource({"de,DE", "DE,DE", "Germany,DE", "united kingdom,GB", "UK,GB", "USA,US", "United States,US",
            "deu,DE", "Côte d’Ivoire,CI", "Holland,NL"})
    void normalisesCountriesToIsoAlpha2(String country, String code) {
        assertThat(valid(Map.of("email", "ada@example.com", "formId", "demo", "country", country)).profile().country())
                .isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {"ca | - | CA | -", "US-CA | - | CA | US", "us-ca | US | CA | US",
            " by | DE | BY | DE", "GB-ENG | GB | ENG | GB", "FR-75C | - | 75C | FR"})
    void readsRegionsAsIsoSubdivisionCodesAndTakesTheCountryFromTheirPrefix(String region, String country,
            String subdivision, String publishedCountry) {
        Map<String, Object> fields = new HashMap<>(Map.of("email", "ada@example.com", "formId", "demo", "region", region));
        if (country != null) {
            fields.put("country", country);
        }

        LeadSubmission lead = valid(fields);

        assertThat(lead.profile().region()).isEqualTo(subdivision);
        assertThat(lead.profile().country()).isEqualTo(publishedCountry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"California", "XX-CA", "US-", "-CA", "US-CALI", "C A", "US_CA"})
    void rejectsRegionsThatAreNoSubdivisionCode(String region) {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "region", region)))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("region", "region"));
    }

    @Test
    void rejectsARegionOfAnotherCountryThanTheOneStated() {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "country", "DE", "region", "US-CA")))
                .containsExactly(new FieldError("region", "regionInCountry", "must be a subdivision of the country DE"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"sw1a  1aa | SW1A 1AA", " 10115 | 10115", "94103-1234 | 94103-1234",
            "k1a 0b1 | K1A 0B1", "1011 AB | 1011 AB"})
    void normalisesPostalCodes(String postalCode, String published) {
        assertThat(valid(Map.of("email", "ada@example.com", "formId", "demo", "postalCode", postalCode)).profile()
                .postalCode()).isEqualTo(published);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "10115!", "-10115", "10115-", "1  -2", "1234567890123", "10115/2"})
    void rejectsWhatIsNoPostalCode(String postalCode) {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "postalCode", postalCode)))
                .extracting(FieldError::field).containsExactly("postalCode");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "Germania", "1", "Atlantis"})
    void rejectsWhatNamesNoCountry(String country) {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "country", country)))
                .extracting(FieldError::field, FieldError::rule).containsExactly(tuple("country", "country"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1-10 | 1-10", "201-500 | 201-500", "1000+ | 1000-4999", "5000 | 5000-9999",
            "'1,000-4,999' | 1000-4999", "10k+ | 10000+"})
    void normalisesCompanySizesToBands(String size, String band) {
        assertThat(valid(Map.of("email", "ada@example.com", "formId", "demo", "companySize", size)).profile()
                .companySize()).isEqualTo(band);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "unknown", "0", "500-100", "about 50"})
    void rejectsCompanySizesThatStateNoHeadCount(String size) {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "companySize", size)))
                .containsExactly(new FieldError("companySize", "companySize",
                        "must be a head count or range, e.g. 50, 201-500 or 1000+"));
    }

    @Test
    void limitsCompanySizesTo32Characters() {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "companySize", "1".repeat(33))))
                .extracting(FieldError::rule).containsExactly("maxLength");
    }

    @ParameterizedTest
    @CsvSource({"on,true", "true,true", "1,true", "false,false", "0,false", "off,false"})
    void readsConsentAsABoolean(String consent, boolean expected) {
        assertThat(valid(Map.of("email", "ada@example.com", "formId", "demo", "consentMarketing", consent))
                .consentMarketing()).isEqualTo(expected);
    }

    @Test
    void rejectsConsentThatIsNotABoolean() {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "consentMarketing", "maybe")))
                .extracting(FieldError::rule).containsExactly("boolean");
    }

    @Test
    void acceptsBothUtmSpellings() {
        LeadSubmission lead = valid(Map.of("email", "ada@example.com", "formId", "demo", "utm_source", "News",
                "utmMedium", "Email", "utm_campaign", "Q3", "utmTerm", "Crm", "utm_content", "Hero"));

        assertThat(lead.utm()).isEqualTo(new Utm("news", "email", "q3", "crm", "hero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pageUrl", "referrer", "redirectUrl"})
    void requiresAbsoluteHttpUrls(String field) {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", field, "/thanks")))
                .containsExactly(new FieldError(field, "url", "must be an absolute http(s) URL"));
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", field, "javascript:alert(1)")))
                .extracting(FieldError::rule).containsExactly("url");
    }

    @Test
    void rejectsAnonymousIdsWithUnexpectedCharacters() {
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", "anonymousId", "a b")))
                .extracting(FieldError::field, FieldError::rule)
                .containsExactly(tuple("anonymousId", "pattern"));
    }

    @Test
    void readsTheConsentTextVersionWithTheDecision() {
        LeadSubmission lead = valid(Map.of("email", "ada@example.com", "formId", "demo", "consentMarketing", "false",
                "consentTextVersion", "v3"));

        assertThat(lead.consentMarketing()).isFalse();
        assertThat(lead.consentTextVersion()).isEqualTo("v3");
    }

    @Test
    void flagsDisposableDomainsAndTheirSubdomains() {
        assertThat(valid(Map.of("email", "ada@Mailinator.com", "formId", "demo")).disposableEmailDomain()).isTrue();
        assertThat(valid(Map.of("email", "ada@x.mailinator.com", "formId", "demo")).disposableEmailDomain()).isTrue();
        assertThat(valid(Map.of("email", "ada@notmailinator.com", "formId", "demo")).disposableEmailDomain())
                .isFalse();
        assertThat(valid(Map.of("email", "ada@example.com", "formId", "demo")).disposableEmailDomain()).isFalse();
    }

    @Test
    void flagsFreeMailDomains() {
        assertThat(valid(Map.of("email", "ada@GMAIL.com", "formId", "demo")).freeMailDomain()).isTrue();
        assertThat(valid(Map.of("email", "ada@notgmail.com", "formId", "demo")).freeMailDomain()).isFalse();
    }

    @Test
    void leavesTheRedirectTargetToTheFormsAllowlist() {
        assertThat(valid(Map.of("email", "ada@example.com", "formId", "demo",
                "redirectUrl", "https://evil.example.net/")).redirectUrl()).isEqualTo("https://evil.example.net/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"firstName", "lastName", "company", "jobTitle", "phone", "country", "region",
            "postalCode", "companySize",
            "industry", "consentMarketing", "consentTextVersion", "utmSource", "utm_source", "utmMedium", "utm_medium",
            "utmCampaign", "utm_campaign", "utmTerm", "utm_term", "utmContent", "utm_content", "pageUrl", "referrer",
            "anonymousId", "redirectUrl"})
    void readsEveryFieldAFormMayRequireOrDefault(String field) {
        // The form registry's field list (FormFields) must name exactly what this parser reads.
        assertThat(FormFields.canonical(field)).isPresent();
        assertThat(errors(Map.of("email", "ada@example.com", "formId", "demo", field, List.of("x"))))
                .containsExactly(new FieldError(field, "type", "must be a single value, not an object or a list"));
    }

    @Test
    void reportsEveryBrokenFieldAtOnce() {
        assertThat(errors(Map.of("email", "nope", "formId", "bad id", "country", "XX", "consentMarketing", "maybe",
                "pageUrl", "ftp://x")))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("email", "formId", "country", "consentMarketing", "pageUrl");
    }

    @Test
    void neverQuotesTheSubmittedValueInMessages() {
        assertThat(errors(Map.of("email", "secret.person@nowhere", "formId", "demo")))
                .allSatisfy(error -> assertThat(error.message()).doesNotContain("secret.person"));
    }

    private LeadSubmission valid(Map<String, ?> fields) {
        Validated<LeadSubmission> result = parser.parse(fields);
        assertThat(result).isInstanceOf(Validated.Valid.class);
        return ((Validated.Valid<LeadSubmission>) result).value();
    }

    private List<FieldError> errors(Map<String, ?> fields) {
        Validated<LeadSubmission> result = parser.parse(fields);
        return result instanceof Validated.Invalid<LeadSubmission> invalid ? invalid.errors() : List.of();
    }
}
