package dev.leadflow.capture.lead;

import dev.leadflow.events.LeadProfile;

/**
 * What capture knows of a lead (progressive profiling): its profile merged over all its submissions, and its latest
 * consent decision ({@code consent} null when it never stated one).
 */
public record KnownLead(LeadProfile profile, MarketingConsent consent) {

    /**
     * This lead updated by a later submission: every field the submission states replaces the known one, and a field
     * it leaves empty keeps the known value. A consent decision replaces the known one as a whole (a later "no"
     * withdraws consent); a submission without one keeps it.
     */
    public KnownLead updatedBy(KnownLead later) {
        LeadProfile known = profile;
        LeadProfile next = later.profile;
        LeadProfile merged = new LeadProfile(
                next.email(),
                either(next.firstName(), known.firstName()),
                either(next.lastName(), known.lastName()),
                either(next.company(), known.company()),
                either(next.jobTitle(), known.jobTitle()),
                either(next.phone(), known.phone()),
                either(next.country(), known.country()),
                either(next.companySize(), known.companySize()),
                either(next.industry(), known.industry()),
                // A new country makes the known region and postal code meaningless, unless restated.
                either(next.region(), sameCountry(known, next) ? known.region() : null),
                either(next.postalCode(), sameCountry(known, next) ? known.postalCode() : null));
        return new KnownLead(merged, later.consent != null ? later.consent : consent);
    }

    private static boolean sameCountry(LeadProfile known, LeadProfile next) {
        return next.country() == null || next.country().equals(known.country());
    }

    private static String either(String stated, String known) {
        return stated != null ? stated : known;
    }
}
