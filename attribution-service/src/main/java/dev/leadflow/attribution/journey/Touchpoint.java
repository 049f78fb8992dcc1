package dev.leadflow.attribution.journey;

import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One marketing interaction in a lead's journey.
 *
 * @param referrer   the referring page, known for form submissions
 * @param recordedAt when capture-service recorded it; orders touchpoints that occurred at the same instant
 * @param stitched   recorded for an anonymous visitor who later turned out to be this lead
 */
public record Touchpoint(
        UUID touchpointId,
        String type,
        String url,
        String referrer,
        String campaign,
        Utm utm,
        Instant occurredAt,
        Instant recordedAt,
        boolean stitched) {

    private static final Utm NO_UTM = new Utm(null, null, null, null, null);

    public Touchpoint {
        Objects.requireNonNull(touchpointId, "touchpointId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        utm = utm == null ? NO_UTM : utm;
    }

    /** The touchpoint's own campaign, else the UTM campaign of the visit; null when neither is known. */
    public String effectiveCampaign() {
        return campaign != null ? campaign : utm.campaign();
    }
}
