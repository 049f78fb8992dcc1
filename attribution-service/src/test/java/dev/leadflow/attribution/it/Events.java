package dev.leadflow.attribution.it;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.UUID;

/** Test events as capture-service publishes them. */
final class Events {

    private Events() {
    }

    static LeadCaptured capture(UUID leadId, String anonymousId, Instant capturedAt) {
        return new LeadCaptured(UUID.randomUUID(), leadId, "demo-form", capturedAt, false,
                new LeadProfile("ada@example.com", "Ada", "Lovelace", "Analytical", "VP Engineering", null, "GB",
                        "1000+", "software"),
                true, false, new Utm("google", "cpc", "brand", null, null), "https://example.com/pricing",
                "https://www.google.com/", anonymousId);
    }

    static TouchpointRecorded anonymousPageView(String anonymousId, String url, Utm utm, Instant occurredAt) {
        return new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), null, anonymousId, "page_view", url, null,
                utm, occurredAt, occurredAt.plusMillis(5));
    }

    static TouchpointRecorded leadTouchpoint(UUID leadId, String type, String url, Instant occurredAt) {
        return new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), leadId, null, type, url, null, null,
                occurredAt, occurredAt.plusMillis(5));
    }

    /** The same touchpoint published again under a new event id (e.g. a client retrying its batch). */
    static TouchpointRecorded republished(TouchpointRecorded touchpoint) {
        return new TouchpointRecorded(UUID.randomUUID(), touchpoint.touchpointId(), touchpoint.leadId(),
                touchpoint.anonymousId(), touchpoint.type(), touchpoint.url(), touchpoint.campaign(), touchpoint.utm(),
                touchpoint.occurredAt(), touchpoint.recordedAt());
    }
}
