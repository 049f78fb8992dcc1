package dev.leadflow.capture.lead;

import dev.leadflow.capture.validation.EmailAddress;
import dev.leadflow.capture.validation.FieldReader;
import dev.leadflow.capture.validation.HttpUrl;
import dev.leadflow.capture.validation.UtmFields;
import dev.leadflow.capture.validation.Validated;
import dev.leadflow.capture.validation.Values;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.Utm;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern ANONYMOUS_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    // Digits with the usual separators, an optional leading + and an optional extension ("x12", "ext. 12").
    private static final Pattern PHONE = Pattern.compile(
            "\\+?[0-9][0-9 ().\\-/]*(?:\\s*(?:ext\\.?|x|#)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);
    private static final int MIN_PHONE_DIGITS = 4;

    private final FreeMailDomains freeMailDomains;
    private final Set<String> allowedRedirectHosts;

    /**
     * @param allowedRedirectHosts hosts (and their subdomains) a form may redirect to after submitting; empty
     *                             allows any host
     */
    public LeadSubmissionParser(FreeMailDomains freeMailDomains, Set<String> allowedRedirectHosts) {
        this.freeMailDomains = freeMailDomains;
        this.allowedRedirectHosts = allowedRedirectHosts.stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
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
                .matches(FORM_ID, "must be 1 to 64 letters, digits, '_' or '-'").value();
        LeadProfile profile = new LeadProfile(
                email,
                text(in, "firstName", MAX_NAME_LENGTH),
                text(in, "lastName", MAX_NAME_LENGTH),
                text(in, "company", MAX_COMPANY_LENGTH),
                text(in, "jobTitle", MAX_JOB_TITLE_LENGTH),
                in.field("phone").maxLength(MAX_PHONE_LENGTH)
                        .check(LeadSubmissionParser::isPhoneNumber, "phone",
                                "must be a phone number: digits, spaces, + ( ) - . / and an optional extension")
                        .value(),
                in.field("country").normalise(v -> v.toUpperCase(Locale.ROOT))
                        .check(Values::isCountryCode, "country", "must be an ISO 3166-1 alpha-2 country code")
                        .value(),
                text(in, "companySize", MAX_COMPANY_SIZE_LENGTH),
                text(in, "industry", MAX_INDUSTRY_LENGTH));
        Boolean consent = in.field("consentMarketing")
                .parse(Values::bool, "boolean", "must be true/false, on/off, 1/0 or yes/no");
        Utm utm = UtmFields.read(in);
        String pageUrl = in.field("pageUrl").httpUrl().value();
        String referrer = in.field("referrer").httpUrl().value();
        String anonymousId = in.field("anonymousId")
                .matches(ANONYMOUS_ID, "must be 1 to 128 letters, digits, '.', '_', ':' or '-'").value();
        String redirectUrl = in.field("redirectUrl").httpUrl()
                .check(this::isAllowedRedirect, "redirectHost", "must point to a host this service may redirect to")
                .value();
        boolean freeMail = email != null && freeMailDomains.contains(EmailAddress.domain(email));
        return Validated.of(new LeadSubmission(formId, profile, consent, freeMail, utm, pageUrl, referrer, anonymousId,
                redirectUrl), in.errors());
    }

    static boolean isPhoneNumber(String phone) {
        return PHONE.matcher(phone).matches() && phone.chars().filter(Character::isDigit).count() >= MIN_PHONE_DIGITS;
    }

    private boolean isAllowedRedirect(String url) {
        if (allowedRedirectHosts.isEmpty()) {
            return true;
        }
        return HttpUrl.host(url)
                .map(host -> allowedRedirectHosts.stream().anyMatch(a -> host.equals(a) || host.endsWith("." + a)))
                .orElse(true); // a URL without a valid host already broke rule "url"
    }

    private static String text(FieldReader in, String name, int maxLength) {
        return in.field(name).maxLength(maxLength).value();
    }
}
