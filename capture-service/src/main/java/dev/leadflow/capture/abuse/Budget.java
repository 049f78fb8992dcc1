package dev.leadflow.capture.abuse;

import dev.leadflow.capture.abuse.IntakeRejections.Reason;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rate-limit budget: a Redis key counting requests (or touchpoints) in the current window, its limit, and the
 * rejection reason counted when it is used up.
 */
record Budget(String key, int limit, Reason reason) {

    static final String KEY_PREFIX = "capture:rate:";
    /** The formId syntax; other values are refused by validation, so they need no budget (nor a Redis key). */
    private static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static Budget leadsOfClient(String clientKey, int limit) {
        return new Budget(KEY_PREFIX + "leads:client:" + clientKey, limit, Reason.CLIENT_RATE_LIMIT);
    }

    /** The budget of the submitted {@code formId} as sent, when it is a string of the formId syntax. */
    static Optional<Budget> leadsOfForm(Object formId, int limit) {
        if (formId instanceof String id && FORM_ID.matcher(id).matches()) {
            return Optional.of(new Budget(KEY_PREFIX + "leads:form:" + id, limit, Reason.FORM_RATE_LIMIT));
        }
        return Optional.empty();
    }

    static Budget touchpointsOfClient(String clientKey, int limit) {
        return new Budget(KEY_PREFIX + "touchpoints:client:" + clientKey, limit, Reason.CLIENT_RATE_LIMIT);
    }
}
