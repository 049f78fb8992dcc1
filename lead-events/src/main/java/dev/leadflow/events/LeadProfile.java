package dev.leadflow.events;

/**
 * What is known about a person, as captured and normalised by capture-service. Email is trimmed and
 * lower-cased; country is ISO 3166-1 alpha-2; region is the subdivision part of an ISO 3166-2 code (e.g. {@code CA}
 * for California, with country {@code US}); postal code is upper-cased without surrounding spaces. Any field but
 * email may be null.
 */
public record LeadProfile(
        String email,
        String firstName,
        String lastName,
        String company,
        String jobTitle,
        String phone,
        String country,
        String companySize,
        String industry,
        String region,
        String postalCode) {

    /** The profile as it was before region and postal code: both are absent (null). */
    public LeadProfile(String email, String firstName, String lastName, String company, String jobTitle, String phone,
            String country, String companySize, String industry) {
        this(email, firstName, lastName, company, jobTitle, phone, country, companySize, industry, null, null);
    }
}
