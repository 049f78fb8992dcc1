package dev.leadflow.messaging.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.messaging.MessagingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Processes one Kafka record exactly once in effect: decodes and checks it (poison is thrown as
 * {@link PoisonEventException}, which the channel's dead-letter strategy sends to {@code <topic>.dlq} with the
 * reason), then runs the action in a transaction that also records {@code (consumer, eventId)} in the inbox, so a
 * redelivered event has no second effect. Transient failures (database down) are retried with backoff, holding
 * the partition, instead of being dead-lettered. Once the service is stopping, an event not yet processed is left
 * on its partition ({@link NotProcessedWhileStopping}, see {@link DeadLetterUnlessStopping}).
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final ObjectMapper objectMapper;
    private final EntityManager entityManager;
    private final MessagingConfig config;
    private final MeterRegistry registry;
    private volatile boolean stopping;

    EventConsumer(ObjectMapper objectMapper, EntityManager entityManager, MessagingConfig config, MeterRegistry registry) {
        this.objectMapper = objectMapper;
        this.entityManager = entityManager;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Decodes the record as {@code type} and runs {@code action} once per event id for {@code consumer}, inside a
     * transaction. Returns normally when the event was processed now or before.
     */
    public <T extends LeadflowEvent> void consume(ConsumerRecord<String, String> record, Class<T> type, String consumer,
            Consumer<T> action) {
        T event = decode(record, type);
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            if (stopping) {
                throw new NotProcessedWhileStopping("Stopping: " + type.getSimpleName() + " " + event.eventId()
                        + " is left to the partition's next owner", null);
            }
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event.eventId())) {
                        return false;
                    }
                    action.accept(event);
                    return true;
                });
                registry.counter("leadflow_events_consumed_total", "consumer", consumer, "outcome",
                        first ? "processed" : "duplicate").increment();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    // The database and the transaction manager close under a shutdown: not the event's fault.
                    throw new NotProcessedWhileStopping("Stopping: " + type.getSimpleName() + " " + event.eventId()
                            + " is left to the partition's next owner", e);
                }
                if (!TransientFailures.isTransient(e)) {
                    registry.counter("leadflow_events_consumed_total", "consumer", consumer, "outcome", "failed")
                            .increment();
                    throw e;
                }
                LOG.warnf("Transient failure processing %s %s from %s-%d@%d; retrying in %d ms: %s", type.getSimpleName(),
                        event.eventId(), record.topic(), record.partition(), record.offset(), backoff.toMillis(),
                        rootMessage(e));
                registry.counter("leadflow_events_consumed_total", "consumer", consumer, "outcome", "retried")
                        .increment();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxRetryBackoff()) > 0
                        ? config.maxRetryBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * Decodes a record into the event class whose {@code TYPE} constant matches the record's {@code ce_type}.
     *
     * @throws PoisonEventException when the record is not such an event
     */
    public <T extends LeadflowEvent> T decode(ConsumerRecord<String, String> record, Class<T> type) {
        String expectedType = expectedType(type);
        String ceType = header(record, "ce_type");
        PoisonEventException.require(ceType != null, "missing ce_type header");
        PoisonEventException.require(expectedType.equals(ceType),
                "unexpected ce_type '" + ceType + "' (expected " + expectedType + ")");
        PoisonEventException.require(record.value() != null && !record.value().isBlank(), "empty payload");
        T event;
        try {
            event = objectMapper.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new PoisonEventException("payload is not a valid " + ceType + " event (" + e.getClass().getSimpleName()
                    + where + ")");
        }
        PoisonEventException.require(event.eventId() != null, "missing eventId");
        PoisonEventException.require(event.key() != null, "missing leadId");
        String ceId = header(record, "ce_id");
        PoisonEventException.require(ceId == null || ceId.equals(event.eventId().toString()),
                "ce_id header does not match the payload's eventId");
        return event;
    }

    /** The record's CloudEvents type, or null. */
    public static String ceType(ConsumerRecord<String, String> record) {
        return header(record, "ce_type");
    }

    private boolean firstDelivery(String consumer, UUID eventId) {
        return entityManager.createNativeQuery(
                        "INSERT INTO inbox_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }

    private static String expectedType(Class<?> type) {
        try {
            return (String) type.getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " has no public static TYPE constant", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
