package dev.leadflow.routing;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.events.TouchpointSummary;
import dev.leadflow.events.Utm;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: {@code lead.qualified} events as scoring-service publishes them. */
public final class Qualifications {

    public static final LeadProfile PROFILE = new LeadProfile("ada@example.com", "Ada", "Lovelace", "Analytical Engines",
            "VP Engineering", "+442071234567", "GB", "1000+", "software");
    public static final List<ScoreReason> REASONS = List.of(
            new ScoreReason("job-title-seniority", "fit", 40, "senior job title", "VP Engineering"),
            new ScoreReason("company-size", "fit", 30, "large company", "1000+"),
            new ScoreReason("pricing-page-view", "engagement", 50, "viewed pricing", "/pricing"));

    public static final Instant FIRST_TOUCH = Instant.parse("2026-11-20T09:00:00Z");
    public static final TouchpointSummary TOUCHPOINTS = new TouchpointSummary(3, FIRST_TOUCH,
            FIRST_TOUCH.plusSeconds(3600), Map.of("page_view", 2, "form_submit", 1),
            List.of(new TouchpointSummary.Recent("form_submit", "https://leadflow.example/demo", "brand",
                            FIRST_TOUCH.plusSeconds(3600)),
                    new TouchpointSummary.Recent("page_view", "https://leadflow.example/pricing", null,
                            FIRST_TOUCH.plusSeconds(60)),
                    new TouchpointSummary.Recent("page_view", "https://leadflow.example/", null, FIRST_TOUCH)));

    private Qualifications() {
    }

    /** A new qualification (new event id and qualification id) of {@code leadId}. */
    public static LeadQualified of(UUID leadId) {
        return of(leadId, PROFILE);
    }

    /** A new qualification of {@code leadId} with another profile (e.g. to reach another routing rule). */
    public static LeadQualified of(UUID leadId, LeadProfile profile) {
        Instant capturedAt = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        return new LeadQualified(UUID.randomUUID(), leadId, UUID.randomUUID(), "demo-v1", 120, 100, profile, REASONS,
                capturedAt, capturedAt.plusMillis(300), false, "demo-request",
                new Utm("google", "cpc", "brand", null, null), "A1", TOUCHPOINTS);
    }

    /** A VP at a large German company: the demo's dach-enterprise rule (weighted: alice 200, bob 100). */
    public static LeadProfile dachEnterprise(int n) {
        return new LeadProfile("vera" + n + "@enterprise-" + n + ".example", "Vera", "Lead" + n, "Enterprise " + n,
                "VP Engineering", null, "DE", "1000-4999", "manufacturing");
    }

    /** The same qualification redelivered under another event id (e.g. republished by scoring-service). */
    public static LeadQualified republished(LeadQualified original) {
        return new LeadQualified(UUID.randomUUID(), original.leadId(), original.qualificationId(),
                original.modelVersion(), original.total(), original.threshold(), original.profile(), original.reasons(),
                original.capturedAt(), original.qualifiedAt());
    }

    /** The qualification without its qualification id: an event routing cannot process. */
    public static LeadQualified withoutQualificationId(UUID leadId) {
        LeadQualified valid = of(leadId);
        return new LeadQualified(valid.eventId(), leadId, null, valid.modelVersion(), valid.total(), valid.threshold(),
                valid.profile(), valid.reasons(), valid.capturedAt(), valid.qualifiedAt());
    }
}
