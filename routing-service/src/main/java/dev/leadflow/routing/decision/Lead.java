package dev.leadflow.routing.decision;

import java.util.Locale;
import java.util.Optional;

/**
 * What routing knows about a qualified lead. Any field but {@code email} may be null: rules on a missing field do
 * not match. {@code freeMailDomain} is null when the event did not say; the model's free-mail list decides then.
 * {@code region} and {@code postalCode} are not captured yet (territories on them match nothing until they are).
 */
public record Lead(String email, String company, String jobTitle, String country, String region, String postalCode,
        String companySize, String industry, Integer score, String grade, String formId, String utmSource,
        String utmMedium, String utmCampaign, Boolean freeMailDomain) {

    /** The part of the email after the last {@code @}, lower case; empty for a malformed address. */
    public Optional<String> emailDomain() {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(email.substring(at + 1).trim().toLowerCase(Locale.ROOT));
    }
}
