package dev.leadflow.scoring.support;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.Utm;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Realistic events as capture-service publishes them. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A VP at a 1,000+ company who submitted the demo form on the pricing page: qualifies at once. */
    public static LeadCaptured vpFromPricingPage(UUID leadId) {
        return capture(leadId, new LeadProfile("ada@acme.example", "Ada", "Lovelace", "Acme", "VP Marketing", null, "US",
                "1000+", "software"), false, "https://acme.example/pricing", null);
    }

    /** A marketing coordinator at a 10-person company with a gmail address: never qualifies on a form alone. */
    public static LeadCaptured coordinatorWithGmail(UUID leadId) {
        return capture(leadId, new LeadProfile("sam@gmail.com", "Sam", "Doe", "Tiny", "Marketing Coordinator", null,
                "US", "10", null), true, "https://acme.example/pricing", null);
    }

    /** A director at a mid-market company who submitted from the homepage: 80 points, needs more engagement. */
    public static LeadCaptured directorFromHomepage(UUID leadId) {
        return capture(leadId, new LeadProfile("lee@globex.example", "Lee", "Chen", "Globex", "Director of IT", null,
                "DE", "201-500", null), false, "https://acme.example/", null);
    }

    /** An engineer (no fit points) from the homepage, known from an earlier anonymous visit when {@code anonymousId}. */
    public static LeadCaptured engineer(UUID leadId, String anonymousId) {
        return capture(leadId, new LeadProfile("kim@initech.example", "Kim", "Park", "Initech", "Software Engineer",
                null, "FR", "50", null), false, "https://acme.example/", anonymousId);
    }

    public static LeadCaptured capture(UUID leadId, LeadProfile profile, boolean freeMail, String pageUrl,
            String anonymousId) {
        return capture(leadId, "demo-request", profile, freeMail, pageUrl, anonymousId);
    }

    public static LeadCaptured capture(UUID leadId, String formId, LeadProfile profile, boolean freeMail,
            String pageUrl, String anonymousId) {
        return new LeadCaptured(UUID.randomUUID(), leadId, formId, now(), false, profile, true, freeMail,
                new Utm("google", "cpc", "brand", null, null), pageUrl, "https://www.google.com/", anonymousId);
    }

    public static TouchpointRecorded touchpoint(UUID leadId, String type, String url) {
        return new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), leadId, null, type, url, null, null, now(),
                now());
    }

    public static TouchpointRecorded anonymousTouchpoint(String anonymousId, String type, String url) {
        return new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), null, anonymousId, type, url, null, null,
                now(), now());
    }

    private static Instant now() {
        // Microseconds: what PostgreSQL keeps, so a stored and read-back instant equals the one sent.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
