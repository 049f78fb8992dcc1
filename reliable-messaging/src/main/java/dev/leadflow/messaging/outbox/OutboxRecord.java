package dev.leadflow.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** One row of the outbox: an event ready to be published, with where it goes. */
record OutboxRecord(long id, UUID eventId, String topic, String key, String type, String payload, Instant createdAt) {
}
