package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lead used a free mail address: capture-service flagged it, or its email domain is one of {@code domains}
 * (which defaults to {@link #WELL_KNOWN}).
 */
public record FreeMailDomain(Set<String> domains) implements LeadCondition {

    /** Free mail providers recognised when the model lists none. */
    public static final Set<String> WELL_KNOWN = Set.of("gmail.com", "googlemail.com", "yahoo.com", "hotmail.com",
            "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "proton.me", "protonmail.com",
            "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "qq.com",
            "163.com");

    public FreeMailDomain {
        if (domains == null) {
            domains = WELL_KNOWN;
        }
        if (domains.isEmpty() || domains.stream().anyMatch(LeadFacts::isBlank)) {
            throw new IllegalArgumentException("domains: must list at least one domain, none blank");
        }
        domains = domains.stream().map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public FreeMailDomain() {
        this(WELL_KNOWN);
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        String email = LeadField.EMAIL.valueOf(lead);
        if (email == null) {
            return Optional.empty();
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return lead.freeMailDomain() || domains.contains(domain)
                ? Optional.of(LeadField.EMAIL.evidence(email))
                : Optional.empty();
    }

    @Override
    public List<LeadField> fields() {
        return List.of(LeadField.EMAIL);
    }
}
