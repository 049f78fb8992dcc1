package dev.leadflow.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends outbox events to Kafka as CloudEvents (binary mode) through the {@code outbox} channel, and remembers
 * which ones the broker acknowledged so the relay can mark them published.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final Emitter<String> emitter;
    /** Sent and not yet marked published: in flight, or acknowledged and waiting for the relay to record it. */
    private final Set<Long> unsettled = ConcurrentHashMap.newKeySet();
    private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    private final Counter published;
    private final Counter failed;

    OutboxPublisher(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            Emitter<String> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.published = Counter.builder("leadflow_outbox_published_total")
                .description("Outbox events acknowledged by Kafka").register(registry);
        this.failed = Counter.builder("leadflow_outbox_publish_failures_total")
                .description("Outbox event sends that failed and are left to the relay").register(registry);
    }

    /** Sends the events of a committed transaction without waiting; failures are left to the relay. */
    void publishAfterCommit(List<OutboxRecord> records) {
        for (OutboxRecord record : records) {
            send(record);
        }
    }

    /** Sends one event; the future completes when the broker acknowledged it (acks=all). */
    CompletableFuture<Void> send(OutboxRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!unsettled.add(record.id())) {
            done.completeExceptionally(new IllegalStateException("already in flight"));
            return done;
        }
        Metadata metadata = Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withTopic(record.topic()).withKey(record.key()).build(),
                OutgoingCloudEventMetadata.builder()
                        .withId(record.eventId().toString())
                        .withType(record.type())
                        .withTimestamp(record.createdAt().atZone(ZoneOffset.UTC))
                        .build());
        Message<String> message = Message.of(record.payload(), metadata,
                () -> {
                    acknowledged.add(record.id());
                    published.increment();
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    unsettled.remove(record.id());
                    failed.increment();
                    LOG.warnf("Kafka did not take outbox event %s (%s to %s); the relay retries it: %s",
                            record.eventId(), record.type(), record.topic(), failure.getMessage());
                    done.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            unsettled.remove(record.id());
            failed.increment();
            LOG.warnf("Could not hand outbox event %s to Kafka; the relay retries it: %s", record.eventId(), e.getMessage());
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Whether the event was sent and is not yet recorded as published, so the relay must leave it alone. */
    boolean isUnsettled(long id) {
        return unsettled.contains(id);
    }

    /** Ids acknowledged since the last call; the caller records them published, then calls {@link #settled}. */
    List<Long> drainAcknowledged() {
        List<Long> ids = new java.util.ArrayList<>();
        for (Long id = acknowledged.poll(); id != null; id = acknowledged.poll()) {
            ids.add(id);
        }
        return ids;
    }

    /** The events are recorded as published (or their recording failed and the relay may send them again). */
    void settled(List<Long> ids) {
        ids.forEach(unsettled::remove);
    }
}
