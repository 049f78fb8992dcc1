package dev.leadflow.capture.lead;

import dev.leadflow.capture.form.FormDefinitionParser;
import dev.leadflow.capture.validation.CompanySizes;
import dev.leadflow.capture.validation.Countries;
import dev.leadflow.capture.validation.EmailAddress;
import dev.leadflow.capture.validation.FieldError;
import dev.leadflow.capture.validation.FieldReader;
import dev.leadflow.capture.validation.PhoneNumbers;
import dev.leadflow.capture.validation.PostalCodes;
import dev.leadflow.capture.validation.Regions;
import dev.leadflow.capture.validation.UtmFields;
import dev.leadflow.capture.validation.Validated;
import dev.leadflow.capture.validation.Values;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.Utm;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates and normalises a lead form submission (a decoded JSON object or HTML form), reporting every broken
 * rule at once. Field limits are part of the public contract, listed in the README.
 */
public final class LeadSubmissionParser {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_COMPANY_LENGTH = 200;
    public static final int MAX_JOB_TITLE_LENGTH = 150;
    public static final int MAX_PHONE_LENGTH = 40;
    public static final int MAX_COMPANY_SIZE_LENGTH = 32;
    public static final int MAX_INDUSTRY_LENGTH = 100;
    public static final int MAX_COUNTRY_LENGTH = 100;
    public static final int MAX_CONSENT_TEXT_VERSION_LENGTH = 64;
    public static final int MAX_REGION_LENGTH = 16;

    static final Pattern ANONYMOUS_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final FreeMailDomains freeMailDomains;
    private final DisposableDomains disposableDomains;

    public LeadSubmissionParser(FreeMailDomains freeMailDomains, DisposableDomains disposableDomains) {
        this.freeMailDomains = freeMailDomains;
        this.disposableDomains = disposableDomains;
    }

    public Validated<LeadSubmission> parse(Map<String, ?> fields) {
        FieldReader in = new FieldReader(fields);
        String email = in.field("email").required()
                .normalise(v -> v.toLowerCase(Locale.ROOT))
                .maxLength(EmailAddress.MAX_LENGTH)
                .check(EmailAddress::localPartFits, "maxLength",
                        "local part must be at most " + EmailAddress.MAX_LOCAL_PART_LENGTH + " characters")
                .check(EmailAddress::hasValidSyntax, "email", "must be a valid email address")
                .value();
        String formId = in.field("formId").required()
                .matches(FormDefinitionParser.FORM_ID, "must be 1 to 64 letters, digits, '_' or '-'").value();
        // The country first: a phone number without an international prefix is read as one of that country.
        String statedCountry = in.field("country").maxLength(MAX_COUNTRY_LENGTH)
                .parse(Countries::alpha2, "country", "must be a country: an ISO 3166-1 code or an English name");
        Regions.Region region = in.field("region").maxLength(MAX_REGION_LENGTH)
                .parse(Regions::read, "region", "must be an ISO 3166-2 subdivision code, e.g. CA or US-CA");
        if (region != null && region.country() != null && statedCountry != null
                && !region.country().equals(statedCountry)) {
            in.reject("region", "regionInCountry", "must be a subdivision of the country " + statedCountry);
            region = null;
        }
        // A prefixed region names the country when the form has no country field.
        String country = statedCountry == null && region != null ? region.country() : statedCountry;
        LeadProfile profile = new LeadProfile(
                email,
                text(in, "firstName", MAX_NAME_LENGTH),
                text(in, "lastName", MAX_NAME_LENGTH),
                text(in, "company", MAX_COMPANY_LENGTH),
                text(in, "jobTitle", MAX_JOB_TITLE_LENGTH),
                in.field("phone").maxLength(MAX_PHONE_LENGTH)
                        .parse(phone -> PhoneNumbers.e164(phone, country), "phone",
                                "must be a valid phone number, in international form (+44 20 7946 0958) unless "
                                        + "country is given"),
                country,
                in.field("companySize").maxLength(MAX_COMPANY_SIZE_LENGTH)
                        .parse(CompanySizes::band, "companySize",
                                "must be a head count or range, e.g. 50, 201-500 or 1000+"),
                text(in, "industry", MAX_INDUSTRY_LENGTH),
                region == null ? null : region.subdivision(),
                in.field("postalCode").maxLength(PostalCodes.MAX_LENGTH)
                        .parse(PostalCodes::normalise, "postalCode",
                                "must be a postal code: letters and digits, with single spaces or hyphens between"));
        Boolean consent = in.field("consentMarketing")
                .parse(Values::bool, "boolean", "must be true/false, on/off, 1/0 or yes/no");
        String consentTextVersion = text(in, "consentTextVersion", MAX_CONSENT_TEXT_VERSION_LENGTH);
        Utm utm = UtmFields.read(in);
        String pageUrl = in.field("pageUrl").httpUrl().value();
        String referrer = in.field("referrer").httpUrl().value();
        String anonymousId = in.field("anonymousId")
                .matches(ANONYMOUS_ID, "must be 1 to 128 letters, digits, '.', '_', ':' or '-'").value();
        // Where a form may redirect to is the form's own rule (FormDefinition#check).
        String redirectUrl = in.field("redirectUrl").httpUrl().value();
        boolean freeMail = email != null && freeMailDomains.contains(EmailAddress.domain(email));
        boolean disposable = email != null && disposableDomains.contains(EmailAddress.domain(email));
        return Validated.of(new LeadSubmission(formId, profile, consent, consentTextVersion, freeMail, disposable, utm,
                pageUrl, referrer, anonymousId, redirectUrl), in.errors());
    }

    /**
     * The rules {@code values} (by field name) break as fields of a submission; the errors of its email and formId
     * are left out. This is how a form's hidden defaults are checked before any submission relies on them.
     */
    public List<FieldError> fieldErrors(Map<String, String> values) {
        Map<String, Object> submission = new HashMap<>(values);
        submission.put("email", "check@example.com");
        submission.put("formId", "check");
        return parse(submission) instanceof Validated.Invalid<LeadSubmission> invalid
                ? invalid.errors().stream().filter(error -> values.containsKey(error.field())).toList()
                : List.of();
    }

    private static String text(FieldReader in, String name, int maxLength) {
        return in.field(name).maxLength(maxLength).value();
    }
}
