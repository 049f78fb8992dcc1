package dev.leadflow.reporting;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.OwnerType;
import dev.leadflow.events.ScoreReason;
import dev.leadflow.events.Utm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Realistic contract events of one lead, personal data included so tests can prove it never leaks. */
public final class TestEvents {

    public static final String EMAIL = "grace.hopper@compilers.example";
    public static final LeadProfile PROFILE = new LeadProfile(EMAIL, "Grace", "Hopper", "Compilers Unlimited Ltd",
            "VP Engineering", "+44 20 7946 0000", "GB", "1000-4999", "software");
    private static final List<ScoreReason> REASONS = List.of(
            new ScoreReason("title-vp", "fit", 40, "VP-level job title", "VP Engineering"),
            new ScoreReason("company-1000", "fit", 35, "1,000+ employees", "1000-4999"),
            new ScoreReason("pricing-page", "engagement", 40, "Viewed the pricing page", "/pricing"));

    private TestEvents() {
    }

    public static LeadCaptured captured(UUID leadId, Instant capturedAt) {
        return new LeadCaptured(UUID.randomUUID(), leadId, "demo-request", capturedAt, false, PROFILE, true, false,
                new Utm("google", "cpc", "spring", null, null), "https://example.com/pricing", null, null);
    }

    public static LeadScored scored(UUID leadId, Instant capturedAt, Instant scoredAt) {
        return new LeadScored(UUID.randomUUID(), leadId, "demo-v1", 75, 40, 115, 100, true, REASONS, capturedAt,
                scoredAt);
    }

    public static LeadQualified qualified(UUID leadId, Instant capturedAt, Instant qualifiedAt) {
        return new LeadQualified(UUID.randomUUID(), leadId, UUID.randomUUID(), "demo-v1", 115, 100, PROFILE, REASONS,
                capturedAt, qualifiedAt);
    }

    public static LeadRouted routed(UUID leadId, Instant capturedAt, Instant qualifiedAt, Instant routedAt) {
        return new LeadRouted(UUID.randomUUID(), leadId, UUID.randomUUID(), "rep-alice", "Alice Adams", OwnerType.REP,
                "round-robin", "next rep in turn", capturedAt, qualifiedAt, routedAt, routedAt.plus(Duration.ofMinutes(5)),
                PROFILE, 115, REASONS);
    }

    public static LeadContacted contacted(UUID leadId, Instant contactedAt) {
        return new LeadContacted(UUID.randomUUID(), leadId, "rep-alice", "phone", contactedAt);
    }

    public static LeadSlaBreached slaBreached(UUID leadId, Instant routedAt, Instant breachedAt) {
        return new LeadSlaBreached(UUID.randomUUID(), leadId, "rep-alice", routedAt, routedAt.plus(Duration.ofMinutes(5)),
                breachedAt);
    }
}
