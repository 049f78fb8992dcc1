package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A form submission was accepted: a new lead, or a returning one ({@code returning} = true) that keeps its
 * leadId. Topic {@link Topics#LEADS_CAPTURED}, key = leadId.
 *
 * <p>{@code profile} and the consent fields are the lead's merged profile: what this submission stated, plus what
 * earlier ones did where this one left a field empty. {@code consentMarketing} is the lead's latest explicit
 * decision (null when never stated), {@code consentTextVersion} the version of the consent text it was given
 * under, and {@code consentedAt} when it was given (null unless consent is true). {@code disposableEmailDomain}
 * flags addresses at throwaway mailbox providers.
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
        String anonymousId,
        String consentTextVersion,
        Instant consentedAt,
        boolean disposableEmailDomain) implements LeadflowEvent {

    public static final String TYPE = EventTypes.LEAD_CAPTURED;
    public static final String TOPIC = Topics.LEADS_CAPTURED;

    /** The event as it was before consent proof and the disposable-domain flag: those are absent (false). */
    public LeadCaptured(UUID eventId, UUID leadId, String formId, Instant capturedAt, boolean returning,
            LeadProfile profile, Boolean consentMarketing, boolean freeMailDomain, Utm utm, String pageUrl,
            String referrer, String anonymousId) {
        this(eventId, leadId, formId, capturedAt, returning, profile, consentMarketing, freeMailDomain, utm, pageUrl,
                referrer, anonymousId, null, null, false);
    }
}
