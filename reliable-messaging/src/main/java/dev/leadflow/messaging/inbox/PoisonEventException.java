package dev.leadflow.messaging.inbox;

/**
 * A record that can never be processed (not JSON, unknown type, a required field missing). Its message is the
 * reason written in the dead-letter record's {@code dead-letter-reason} header; it must never contain personal data.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    /** Throws a poison exception with the reason unless the condition holds. */
    public static void require(boolean condition, String reason) {
        if (!condition) {
            throw new PoisonEventException(reason);
        }
    }
}
