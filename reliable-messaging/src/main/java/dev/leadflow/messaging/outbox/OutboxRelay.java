package dev.leadflow.messaging.outbox;

import dev.leadflow.messaging.MessagingConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox honest: marks acknowledged events published, publishes events left behind (the process died
 * or Kafka was down between commit and acknowledgement), and purges old published events and inbox entries.
 * Several instances may run; {@code SKIP LOCKED} keeps them off each other's rows.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager entityManager;
    private final OutboxPublisher publisher;
    private final MessagingConfig config;
    private final AtomicLong unpublished = new AtomicLong();
    /** Passes run only between start-up and shutdown, when the channel and the database are there. */
    private volatile boolean running;

    OutboxRelay(EntityManager entityManager, OutboxPublisher publisher, MessagingConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.config = config;
        Gauge.builder("leadflow_outbox_unpublished", unpublished, AtomicLong::get)
                .description("Outbox events older than the grace period not yet acknowledged by Kafka")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    @Scheduled(every = "${leadflow.messaging.relay-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!running) {
            return;
        }
        try {
            markPublished(publisher.drainAcknowledged());
            // A full page that Kafka took means more is waiting (a backlog after a crash, a broker outage, or what a
            // busy start-up committed while the publisher held): go on at once instead of one page per interval.
            Pass pass = publishLeftBehind();
            while (pass.found() >= config.relayBatchSize() && pass.relayed() > 0 && running) {
                pass = publishLeftBehind();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay pass failed, next pass retries: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (!running) {
            return;
        }
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            int outbox = entityManager.createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                    .setParameter(1, now.minus(config.outboxRetention())).executeUpdate();
            int inbox = entityManager.createNativeQuery("DELETE FROM inbox_event WHERE processed_at < ?1")
                    .setParameter(1, now.minus(config.inboxRetention())).executeUpdate();
            LOG.debugf("Purged %d published outbox events and %d inbox entries", outbox, inbox);
        });
    }

    private void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> recordPublished(ids));
        } finally {
            publisher.settled(ids);
        }
    }

    private void recordPublished(List<Long> ids) {
        entityManager.createNativeQuery("UPDATE outbox_event SET published_at = clock_timestamp() WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(Long[]::new))
                .executeUpdate();
    }

    /** What one relay pass found (outbox rows) and relayed (events Kafka acknowledged). */
    private record Pass(int found, int relayed) {
    }

    /**
     * Publishes, in outbox order, the events older than the grace period (left by a crash, or refused by Kafka) and
     * the events the publisher holds back; lets the publisher send directly again once nothing is left.
     */
    private Pass publishLeftBehind() {
        long failuresBefore = publisher.failures();
        Set<Long> held = publisher.held();
        Pass pass = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT id, event_id, topic, record_key, event_type, payload, created_at FROM outbox_event
                    WHERE published_at IS NULL AND (created_at < ?1 OR id = ANY(?3))
                    ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, Instant.now().minus(config.relayGracePeriod()))
                    .setParameter(2, config.relayBatchSize())
                    .setParameter(3, held.toArray(Long[]::new))
                    .getResultList();
            List<OutboxRecord> leftBehind = rows.stream()
                    .map(r -> new OutboxRecord(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3],
                            (String) r[4], (String) r[5], Outbox.toInstant(r[6])))
                    .filter(r -> !publisher.isUnsettled(r.id()))
                    .toList();
            unpublished.set(leftBehind.size());
            if (leftBehind.isEmpty()) {
                return new Pass(rows.size(), 0);
            }
            LOG.infof("Relaying %d outbox events left unpublished", leftBehind.size());
            List<CompletableFuture<Void>> sends = leftBehind.stream().map(publisher::send).toList();
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warnf("Kafka did not acknowledge every relayed event; next pass retries: %s", e.getMessage());
            }
            List<Long> acked = publisher.drainAcknowledged();
            try {
                if (!acked.isEmpty()) {
                    recordPublished(acked);
                }
            } finally {
                publisher.settled(acked);
            }
            unpublished.set(leftBehind.size() - acked.size());
            return new Pass(rows.size(), acked.size());
        });
        if (pass.found() < config.relayBatchSize()) {
            publisher.resumeIfDrained(failuresBefore);
        }
        return pass;
    }
}
