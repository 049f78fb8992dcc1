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
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends outbox events to Kafka as CloudEvents (binary mode) through the {@code outbox} channel, and remembers
 * which ones the broker acknowledged so the relay can mark them published.
 * <p>
 * Events of one key must reach Kafka in commit order. Sending right after the commit keeps that order while Kafka
 * takes everything; once a send fails, or before the relay has published what a crashed predecessor left, a newer
 * event could overtake an older one that waits for the relay. So the publisher then <em>holds</em>: committed
 * events are left to the relay, which publishes in outbox order, until the relay has drained them all.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final Emitter<String> emitter;
    /** Sent and not yet marked published: in flight, or acknowledged and waiting for the relay to record it. */
    private final Set<Long> unsettled = ConcurrentHashMap.newKeySet();
    private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    /** Committed while holding, not yet acknowledged: the relay publishes these without waiting for the grace period. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final AtomicLong failures = new AtomicLong();
    /** Guarded by this. Starts true: whatever a predecessor left unpublished goes first. */
    private boolean holding = true;
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

    /** Sends the events of a committed transaction without waiting, or leaves them to the relay while holding. */
    synchronized void publishAfterCommit(List<OutboxRecord> records) {
        for (OutboxRecord record : records) {
            if (holding) {
                held.add(record.id());
            } else {
                send(record);
            }
        }
    }

    /** The events committed while holding that Kafka has not acknowledged yet. */
    Set<Long> held() {
        return Set.copyOf(held);
    }

    /** Counts failed sends; the relay compares it before and after a pass. */
    long failures() {
        return failures.get();
    }

    /**
     * Sends right after commit again if nothing is held any more and no send failed since {@code failuresBefore}.
     *
     * @return whether the publisher holds still
     */
    synchronized boolean resumeIfDrained(long failuresBefore) {
        if (holding && held.isEmpty() && failures.get() == failuresBefore) {
            holding = false;
            LOG.info("Outbox drained: events are published right after their commit again");
        }
        return holding;
    }

    private synchronized void hold() {
        if (!holding) {
            holding = true;
            LOG.warn("Kafka refused an outbox event: events are left to the relay, in order, until it catches up");
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
                    held.remove(record.id());
                    acknowledged.add(record.id());
                    published.increment();
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    unsettled.remove(record.id());
                    failures.incrementAndGet();
                    hold();
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
            failures.incrementAndGet();
            hold();
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
