package dev.leadflow.capture.lead;

import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.Utm;

/**
 * A validated, normalised form submission. {@code consentMarketing} is null when the form stated no decision;
 * {@code consentTextVersion} names the consent text the decision was made under. {@code redirectUrl} is where a
 * browser posting a plain HTML form is sent afterwards; it is not part of the published event.
 */
public record LeadSubmission(
        String formId,
        LeadProfile profile,
        Boolean consentMarketing,
        String consentTextVersion,
        boolean freeMailDomain,
        boolean disposableEmailDomain,
        Utm utm,
        String pageUrl,
        String referrer,
        String anonymousId,
        String redirectUrl) {

    public String email() {
        return profile.email();
    }
}
