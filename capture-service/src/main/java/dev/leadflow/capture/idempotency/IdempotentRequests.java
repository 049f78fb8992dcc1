package dev.leadflow.capture.idempotency;

import dev.leadflow.capture.rest.Problems;
import dev.leadflow.capture.validation.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a request at most once per {@code Idempotency-Key}: the same key with the same request answers as the
 * first time and does nothing else; with a different request it is refused (422).
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer replayed from an earlier request. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final IdempotencyStore store;

    IdempotentRequests(IdempotencyStore store) {
        this.store = store;
    }

    /**
     * @param scope       the endpoint, so one key may serve different endpoints independently
     * @param key         the header value, null when the client sent none
     * @param fingerprint identifies the request, see {@link IdempotencyKeys#fingerprint}
     */
    public Response run(String scope, String key, String fingerprint, Supplier<Answer> request) {
        if (key == null) {
            return request.get().toResponse().build();
        }
        if (!IdempotencyKeys.isValid(key)) {
            throw Problems.invalid(List.of(new FieldError(HEADER, "pattern",
                    "must be 1 to 255 printable ASCII characters without spaces")));
        }
        Claim claim = store.claim(scope, key, fingerprint);
        if (claim instanceof Claim.Replay replay) {
            return replay.answer().toResponse().header(REPLAYED_HEADER, "true").build();
        }
        if (claim instanceof Claim.KeyReused) {
            throw Problems.idempotencyKeyReused();
        }
        if (claim instanceof Claim.InProgress) {
            throw Problems.idempotencyKeyInProgress();
        }
        if (claim instanceof Claim.Unavailable) {
            return request.get().toResponse().build();
        }
        return runClaimed(scope, key, fingerprint, request);
    }

    private Response runClaimed(String scope, String key, String fingerprint, Supplier<Answer> request) {
        Answer answer;
        try {
            answer = request.get();
        } catch (RuntimeException e) {
            store.release(scope, key);
            throw e;
        }
        store.complete(scope, key, fingerprint, answer);
        return answer.toResponse().build();
    }
}
