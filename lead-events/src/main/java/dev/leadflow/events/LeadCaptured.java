package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A form submission was accepted: a new lead, or a returning one ({@code returning} = true) that keeps its
 * leadId. Topic {@link Topics#LEADS_CAPTURED}, key = leadId.
 */
public record LeadCaptured(
        UUID eventId,
        UUID leadId,
        String formId,
        Instant capturedAt,
        boolean returning,
        LeadProfile profile,
        Boolean consentMarketing,
        boolean freeMailDomain,
        Utm utm,
        String pageUrl,
        String referrer,
        String anonymousId) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_CAPTURED;
    public static final String TOPIC = Topics.LEADS_CAPTURED;
}
