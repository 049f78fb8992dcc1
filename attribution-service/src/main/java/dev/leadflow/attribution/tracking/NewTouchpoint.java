package dev.leadflow.attribution.tracking;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.events.Utm;
import java.time.Instant;
import java.util.UUID;

/**
 * A touchpoint as it is stored: owned by a lead, or only by an anonymous id until that visitor is identified.
 * Callers check the events first (ids, type, time and an owner present).
 */
public record NewTouchpoint(
        UUID touchpointId,
        UUID leadId,
        String anonymousId,
        String type,
        String url,
        String referrer,
        String campaign,
        Utm utm,
        Instant occurredAt,
        Instant recordedAt) {

    /**
     * The form submission a capture stands for. It has no touchpoint id of its own: the capture's event id
     * identifies it, so a capture re-published under the same id is stored once.
     */
    public static NewTouchpoint formSubmit(LeadCaptured captured) {
        return new NewTouchpoint(captured.eventId(), captured.leadId(), blankToNull(captured.anonymousId()),
                TouchpointTypes.FORM_SUBMIT, captured.pageUrl(), captured.referrer(), null, captured.utm(),
                captured.capturedAt(), captured.capturedAt());
    }

    /** The recorded touchpoint; one without a recording time counts as recorded when it occurred. */
    public static NewTouchpoint of(TouchpointRecorded recorded) {
        return new NewTouchpoint(recorded.touchpointId(), recorded.leadId(), blankToNull(recorded.anonymousId()),
                recorded.type(), recorded.url(), null, recorded.campaign(), recorded.utm(), recorded.occurredAt(),
                recorded.recordedAt() != null ? recorded.recordedAt() : recorded.occurredAt());
    }

    /** Known only by an anonymous id: it joins a lead's journey through identity stitching. */
    public boolean anonymous() {
        return leadId == null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
