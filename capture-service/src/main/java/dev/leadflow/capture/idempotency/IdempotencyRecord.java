package dev.leadflow.capture.idempotency;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What Redis holds for one key: the fingerprint of the request that claimed it and, once that request succeeded,
 * its answer ({@code null} while it still runs).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IdempotencyRecord(String fingerprint, Answer answer) {
}
