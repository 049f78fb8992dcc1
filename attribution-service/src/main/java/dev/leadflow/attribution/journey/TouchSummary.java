package dev.leadflow.attribution.journey;

import java.time.Instant;
import java.util.UUID;

/** What a first- or last-touch attribution model credits: one touchpoint, its channel and campaign. */
public record TouchSummary(
        UUID touchpointId,
        String type,
        Instant occurredAt,
        Channel channel,
        String campaign,
        boolean stitched) {

    static TouchSummary of(Touchpoint touchpoint) {
        return new TouchSummary(touchpoint.touchpointId(), touchpoint.type(), touchpoint.occurredAt(),
                Channel.of(touchpoint.utm()), touchpoint.effectiveCampaign(), touchpoint.stitched());
    }
}
