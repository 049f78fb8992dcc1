package dev.leadflow.capture.idempotency;

/** What an {@code Idempotency-Key} says about a request. */
sealed interface Claim {

    /** The key is new: this request runs and its answer is remembered. */
    record Fresh() implements Claim {
    }

    /** The same request succeeded before: answer as then, do nothing else. */
    record Replay(Answer answer) implements Claim {
    }

    /** The key was used with a different request. */
    record KeyReused() implements Claim {
    }

    /** The same request runs right now (a client retried too fast). */
    record InProgress() implements Claim {
    }

    /** Redis cannot be asked: run without replay protection. */
    record Unavailable() implements Claim {
    }
}
