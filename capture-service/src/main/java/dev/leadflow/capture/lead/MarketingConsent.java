package dev.leadflow.capture.lead;

import java.time.Instant;

/**
 * A lead's explicit marketing consent decision, kept as proof: whether it was granted, under which version of the
 * consent text, and when ({@code consentedAt}, null unless granted).
 */
public record MarketingConsent(boolean granted, String textVersion, Instant consentedAt) {

    /** The decision a submission captured at {@code capturedAt} states; null when it states none. */
    static MarketingConsent stated(Boolean consentMarketing, String textVersion, Instant capturedAt) {
        if (consentMarketing == null) {
            return null;
        }
        return new MarketingConsent(consentMarketing, textVersion, consentMarketing ? capturedAt : null);
    }
}
