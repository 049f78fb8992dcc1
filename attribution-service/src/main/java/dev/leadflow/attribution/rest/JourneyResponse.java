package dev.leadflow.attribution.rest;

import dev.leadflow.attribution.journey.Channel;
import dev.leadflow.attribution.journey.Journey;
import dev.leadflow.attribution.journey.TouchSummary;
import dev.leadflow.attribution.journey.Touchpoint;
import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead's journey as the API shows it. */
public record JourneyResponse(
        UUID leadId,
        TouchView firstTouch,
        TouchView lastTouch,
        int totalTouchpoints,
        boolean truncated,
        List<TouchpointView> touchpoints) {

    static JourneyResponse of(Journey journey) {
        return new JourneyResponse(journey.leadId(), TouchView.of(journey.firstTouch()),
                TouchView.of(journey.lastTouch()), journey.totalTouchpoints(), journey.truncated(),
                journey.touchpoints().stream().map(TouchpointView::of).toList());
    }

    /** One touchpoint; {@code stitched} when it was recorded before (or without) the lead being known. */
    public record TouchpointView(
            UUID touchpointId,
            String type,
            String url,
            String referrer,
            String campaign,
            Utm utm,
            Instant occurredAt,
            boolean stitched) {

        static TouchpointView of(Touchpoint t) {
            return new TouchpointView(t.touchpointId(), t.type(), t.url(), t.referrer(), t.campaign(), t.utm(),
                    t.occurredAt(), t.stitched());
        }
    }

    /** A first- or last-touch summary. */
    public record TouchView(
            UUID touchpointId,
            String type,
            Instant occurredAt,
            ChannelView channel,
            String campaign,
            boolean stitched) {

        static TouchView of(TouchSummary s) {
            return new TouchView(s.touchpointId(), s.type(), s.occurredAt(), ChannelView.of(s.channel()), s.campaign(),
                    s.stitched());
        }
    }

    /** UTM source and medium, {@code (direct) / (none)} when the visit named none. */
    public record ChannelView(String name, String source, String medium) {

        static ChannelView of(Channel channel) {
            return new ChannelView(channel.name(), channel.source(), channel.medium());
        }
    }
}
