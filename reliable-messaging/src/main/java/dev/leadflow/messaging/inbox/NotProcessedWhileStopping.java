package dev.leadflow.messaging.inbox;

/** The service is stopping and left the event unprocessed; it stays on its partition for the next owner. */
public class NotProcessedWhileStopping extends RuntimeException {

    NotProcessedWhileStopping(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
