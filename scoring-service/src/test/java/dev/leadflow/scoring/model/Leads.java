package dev.leadflow.scoring.model;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.Utm;
import java.time.Instant;

/** Test data: leads and touchpoints. */
final class Leads {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    /** The moment of scoring in tests: a day after {@link #T0}. */
    static final Instant NOW = T0.plusSeconds(86_400);

    private Leads() {
    }

    static LeadProfile profile(String email, String jobTitle, String country, String companySize) {
        return new LeadProfile(email, "Ada", "Lovelace", "Acme", jobTitle, "+44 20 7946 0000", country, companySize,
                "software");
    }

    static LeadFacts lead(String email, String jobTitle, String country, String companySize) {
        return new LeadFacts(profile(email, jobTitle, country, companySize), null, "demo-form",
                "https://acme.example/pricing", null, false);
    }

    static LeadFacts withUtm(Utm utm) {
        return new LeadFacts(profile("ada@acme.example", null, null, null), utm, null, null, null, false);
    }

    static Touchpoint touchpoint(String type, String url, int minutesAfterT0) {
        return new Touchpoint(type, url, T0.plusSeconds(60L * minutesAfterT0));
    }
}
