package dev.leadflow.events;

/**
 * What is known about a person, as captured and normalised by capture-service. Email is trimmed and
 * lower-cased; country is ISO 3166-1 alpha-2; any field but email may be null.
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
        String industry) {
}
