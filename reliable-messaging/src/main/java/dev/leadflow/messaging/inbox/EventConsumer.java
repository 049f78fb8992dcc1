package dev.leadflow.messaging.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.messaging.MessagingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Processes one Kafka record exactly once in effect: decodes and checks it (poison is thrown as
 * {@link PoisonEventException}, which the channel's dead-letter strategy sends to {@code <topic>.dlq} with the
 * reason), then runs the action in a transaction that also records {@code (consumer, eventId)} in the inbox, so a
 * redelivered event has no second effect. Transient failures (database down) are retried with backoff, holding
 * the partition, instead of being dead-lettered. Once the service is stopping, an event not yet processed is left
 * on its partition ({@link NotProcessedWhileStopping}, see {@link DeadLetterUnlessStopping}).
 *
 * <p>A channel in batch mode ({@code batch=true}) hands {@link #consumeBatch} everything one poll returned: the whole
 * batch runs in one transaction, so a backlog costs one commit per poll instead of one per event, and a consumer
 * catches up faster the further it fell behind. A batch that fails for a reason other than a transient one is
 * processed again one record per transaction, which finds the poison and dead-letters only that record. A batch is
 * processed in record-key order ({@link #inLockOrder}), each key's records in their partition order. The inbox records
 * a whole batch with one statement, and a {@link Handler#ofBatches batch handler} takes all its new events in one call.
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
     * What a channel does with a record: decode it as {@code type} and run {@code action} once per event id for
     * {@code consumer}. The action gets the record too, for a consumer that needs its headers or raw value.
     */
    public record Handler<T extends LeadflowEvent>(Class<T> type, String consumer,
            BiConsumer<ConsumerRecord<String, String>, T> action, Consumer<List<T>> batchAction) {

        /** A handler that runs its action once per event. */
        public Handler(Class<T> type, String consumer, BiConsumer<ConsumerRecord<String, String>, T> action) {
            this(type, consumer, action, null);
        }

        /** A handler whose action needs only the event. */
        public Handler(Class<T> type, String consumer, Consumer<T> action) {
            this(type, consumer, (record, event) -> action.accept(event));
        }

        /**
         * A handler that takes the events of a batch in one call: the events delivered for the first time, in
         * {@link #inLockOrder lock order}, so it can read and write the state of all of them with one statement per
         * table. A record processed on its own (a batch that failed is redone one record at a time) is a list of one.
         */
        public static <T extends LeadflowEvent> Handler<T> ofBatches(Class<T> type, String consumer,
                Consumer<List<T>> batchAction) {
            return new Handler<>(type, consumer, (record, event) -> batchAction.accept(List.of(event)), batchAction);
        }
    }

    /** A record decoded for its handler, with the message that acknowledges or dead-letters it. */
    private record Decoded<T extends LeadflowEvent>(KafkaRecord<String, String> message,
            ConsumerRecord<String, String> record, T event, Handler<T> handler) {

        void run() {
            handler.action().accept(record, event);
        }
    }

    /** {@link #consumeBatch(KafkaRecordBatch, Function)} with one handler for every record of the batch. */
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch, Handler<?> handler) {
        return consumeBatch(batch, record -> handler);
    }

    /**
     * Processes a batch of records: each record {@code handlerOf} gives a handler (null: the channel leaves the
     * record to others, e.g. other types on a shared topic) is decoded and run once per event id, all in one
     * transaction; poison is dead-lettered with its reason and the rest of the batch still goes through. Returns the
     * acknowledgement of the batch, to be returned by the {@code @Incoming} method.
     */
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch,
            Function<ConsumerRecord<String, String>, Handler<?>> handlerOf) {
        List<Decoded<?>> work = new ArrayList<>();
        for (KafkaRecord<String, String> message : batch.getRecords()) {
            ConsumerRecord<String, String> record = consumerRecord(message);
            Handler<?> handler = handlerOf.apply(record);
            if (handler == null) {
                continue;
            }
            try {
                work.add(decoded(message, record, handler));
            } catch (PoisonEventException poison) {
                count(handler.consumer(), "failed");
                deadLetter(message, poison);
            }
        }
        if (!work.isEmpty()) {
            inLockOrder(work, item -> item.record().key());
            registry.summary("leadflow_events_batch_size", "topic", work.get(0).record().topic()).record(work.size());
            process(work);
        }
        return batch.ack();
    }

    /**
     * Sorts a batch by record key, keeping the order of the records of one key (a stable sort). Records of one key
     * (one lead) must be processed in order; records of different keys need no order. Sorted, every batch
     * transaction takes its per-lead row locks in the same order, so two channels (or two instances) working on the
     * same leads at once wait for each other instead of deadlocking, which would cost a second of PostgreSQL's
     * deadlock detection and a redone batch.
     */
    static <T> void inLockOrder(List<T> batch, Function<T, String> key) {
        batch.sort(Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private void process(List<Decoded<?>> work) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            Decoded<?> first = work.get(0);
            if (stopping) {
                throw leftToTheNextOwner(first.event(), null);
            }
            try {
                boolean[] processed = QuarkusTransaction.requiringNew().call(() -> {
                    boolean[] firstDelivery = firstDeliveries(work);
                    Handler<?> batchHandler = batchHandlerOf(work);
                    if (batchHandler != null) {
                        runBatch(batchHandler, work, firstDelivery);
                        return firstDelivery;
                    }
                    for (int i = 0; i < work.size(); i++) {
                        if (firstDelivery[i]) {
                            work.get(i).run();
                            // Each event starts from an empty session, as it would in a transaction of its own:
                            // otherwise every flush dirty-checks all the entities earlier events of the batch
                            // loaded, and a batch costs the square of its size.
                            entityManager.flush();
                            entityManager.clear();
                        }
                    }
                    return firstDelivery;
                });
                for (int i = 0; i < work.size(); i++) {
                    count(work.get(i).handler().consumer(), processed[i] ? "processed" : "duplicate");
                }
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw leftToTheNextOwner(first.event(), e);
                }
                if (TransientFailures.isTransient(e)) {
                    LOG.warnf("Transient failure processing a batch of %d events from %s-%d@%d; retrying in %d ms: %s",
                            work.size(), first.record().topic(), first.record().partition(), first.record().offset(),
                            backoff.toMillis(), rootMessage(e));
                    work.forEach(item -> count(item.handler().consumer(), "retried"));
                    sleep(backoff);
                    backoff = nextBackoff(backoff);
                    continue;
                }
                if (work.size() > 1) {
                    LOG.infof("A batch of %d events from %s failed (%s); processing it one event at a time", work.size(),
                            first.record().topic(), rootMessage(e));
                }
                processOneByOne(work);
                return;
            }
        }
    }

    /** The handler of every item when they all have the same one and it takes batches; otherwise null. */
    private static Handler<?> batchHandlerOf(List<Decoded<?>> work) {
        Handler<?> handler = work.get(0).handler();
        if (handler.batchAction() == null) {
            return null;
        }
        for (Decoded<?> item : work) {
            if (item.handler() != handler) {
                return null;
            }
        }
        return handler;
    }

    private <T extends LeadflowEvent> void runBatch(Handler<T> handler, List<Decoded<?>> work, boolean[] firstDelivery) {
        List<T> events = new ArrayList<>(work.size());
        for (int i = 0; i < work.size(); i++) {
            if (firstDelivery[i]) {
                events.add(handler.type().cast(work.get(i).event()));
            }
        }
        if (!events.isEmpty()) {
            handler.batchAction().accept(events);
            entityManager.flush();
            entityManager.clear();
        }
    }

    /** Each record in its own transaction: what fails now fails alone, and only it is dead-lettered. */
    private void processOneByOne(List<Decoded<?>> work) {
        for (Decoded<?> item : work) {
            try {
                processOne(item.record(), item.event(), item.handler().consumer(), item::run);
            } catch (NotProcessedWhileStopping stopping) {
                throw stopping;
            } catch (RuntimeException e) {
                deadLetter(item.message(), e);
            }
        }
    }

    /** Sends the record to its channel's dead-letter topic with the failure as reason, and waits for that. */
    private static void deadLetter(KafkaRecord<String, String> message, Throwable reason) {
        try {
            message.nack(reason).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not dead-letter a record of " + message.getTopic() + "-"
                    + message.getPartition() + ": " + rootMessage(e), e);
        }
    }

    private <T extends LeadflowEvent> Decoded<T> decoded(KafkaRecord<String, String> message,
            ConsumerRecord<String, String> record, Handler<T> handler) {
        return new Decoded<>(message, record, decode(record, handler.type()), handler);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("Not an incoming Kafka record: " + message));
    }

    /**
     * Decodes the record as {@code type} and runs {@code action} once per event id for {@code consumer}, inside a
     * transaction. Returns normally when the event was processed now or before.
     */
    public <T extends LeadflowEvent> void consume(ConsumerRecord<String, String> record, Class<T> type, String consumer,
            Consumer<T> action) {
        T event = decode(record, type);
        processOne(record, event, consumer, () -> action.accept(event));
    }

    private void processOne(ConsumerRecord<String, String> record, LeadflowEvent event, String consumer,
            Runnable action) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            if (stopping) {
                throw leftToTheNextOwner(event, null);
            }
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event.eventId())) {
                        return false;
                    }
                    action.run();
                    return true;
                });
                count(consumer, first ? "processed" : "duplicate");
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    // The database and the transaction manager close under a shutdown: not the event's fault.
                    throw leftToTheNextOwner(event, e);
                }
                if (!TransientFailures.isTransient(e)) {
                    count(consumer, "failed");
                    throw e;
                }
                LOG.warnf("Transient failure processing %s %s from %s-%d@%d; retrying in %d ms: %s",
                        event.getClass().getSimpleName(), event.eventId(), record.topic(), record.partition(),
                        record.offset(), backoff.toMillis(), rootMessage(e));
                count(consumer, "retried");
                sleep(backoff);
                backoff = nextBackoff(backoff);
            }
        }
    }

    private Duration nextBackoff(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : doubled;
    }

    private static NotProcessedWhileStopping leftToTheNextOwner(LeadflowEvent event, Throwable cause) {
        return new NotProcessedWhileStopping("Stopping: " + event.getClass().getSimpleName() + " " + event.eventId()
                + " is left to the partition's next owner", cause);
    }

    private void count(String consumer, String outcome) {
        registry.counter("leadflow_events_consumed_total", "consumer", consumer, "outcome", outcome).increment();
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

    /**
     * Records every item's {@code (consumer, eventId)} in the inbox with one statement; true for the items delivered
     * for the first time. An event that appears twice in the batch (an outbox published it twice) is first only once.
     */
    private boolean[] firstDeliveries(List<Decoded<?>> work) {
        if (work.size() == 1) {
            Decoded<?> only = work.get(0);
            return new boolean[] {firstDelivery(only.handler().consumer(), only.event().eventId())};
        }
        String[] consumers = new String[work.size()];
        UUID[] eventIds = new UUID[work.size()];
        for (int i = 0; i < work.size(); i++) {
            consumers[i] = work.get(i).handler().consumer();
            eventIds[i] = work.get(i).event().eventId();
        }
        Set<InboxKey> inserted = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_event (consumer, event_id) SELECT * FROM unnest(?::text[], ?::uuid[])
                    ON CONFLICT DO NOTHING RETURNING consumer, event_id""")) {
                insert.setArray(1, connection.createArrayOf("text", consumers));
                insert.setArray(2, connection.createArrayOf("uuid", eventIds));
                Set<InboxKey> keys = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        keys.add(new InboxKey(rows.getString(1), rows.getObject(2, UUID.class)));
                    }
                }
                return keys;
            }
        });
        boolean[] first = new boolean[work.size()];
        for (int i = 0; i < work.size(); i++) {
            first[i] = inserted.remove(new InboxKey(consumers[i], eventIds[i]));
        }
        return first;
    }

    private record InboxKey(String consumer, UUID eventId) {
    }

    private boolean firstDelivery(String consumer, UUID eventId) {
        // Plain JDBC on the transaction's connection: this runs for every event every service consumes, and a
        // Hibernate native query costs several times the statement. Only this table is touched: nothing to flush.
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO inbox_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, consumer);
                insert.setObject(2, eventId);
                return insert.executeUpdate() == 1;
            }
        });
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
