package dev.leadflow.messaging.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.events.LeadflowEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The transactional outbox. {@link #add} stores an event in the caller's transaction, so the event exists if and
 * only if the state change that caused it was committed; it is published to Kafka right after the commit, and by
 * the {@link OutboxRelay} if the process dies first. Delivery is at least once; every event keeps its id, so
 * consumers deduplicate.
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING_KEY = new Object();
    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload)
            VALUES (?, ?, ?, ?, ?) RETURNING id, created_at""";
    /** Many events in one statement, their ids (publishing order) following the order of the arrays. */
    private static final String INSERT_ALL = """
            INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload)
            SELECT event_id, topic, record_key, event_type, payload
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS e(event_id, topic, record_key, event_type, payload, position)
            ORDER BY position
            RETURNING id, event_id, created_at""";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxPublisher publisher;

    Outbox(EntityManager entityManager, ObjectMapper objectMapper, TransactionSynchronizationRegistry transactions,
            OutboxPublisher publisher) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.transactions = transactions;
        this.publisher = publisher;
    }

    /**
     * Stores the event in the current transaction, to be published to {@code topic} with record key {@code key}
     * and CloudEvents type {@code type} once the transaction commits.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void add(String topic, String type, String key, LeadflowEvent event) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.add needs an active transaction");
        }
        String payload = toJson(event);
        // Plain JDBC on the transaction's connection: one of these runs for every event every service publishes,
        // and a Hibernate native query costs several times the statement itself. Only this table is touched, so
        // nothing in the session needs flushing first.
        OutboxRecord stored = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, event.eventId());
                insert.setString(2, topic);
                insert.setString(3, key);
                insert.setString(4, type);
                insert.setString(5, payload);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return new OutboxRecord(row.getLong(1), event.eventId(), topic, key, type, payload,
                            row.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        });
        pendingInThisTransaction().add(stored);
    }

    /** An event to store: published to {@code topic} with record key {@code key} and CloudEvents type {@code type}. */
    public record Outgoing(String topic, String type, String key, LeadflowEvent event) {
    }

    /**
     * Stores the events in the current transaction with one statement, as {@link #add} would one by one: they are
     * published in list order once the transaction commits. For a consumer that handles a whole batch at once.
     *
     * @throws IllegalStateException when no transaction is active
     */
    public void addAll(List<Outgoing> events) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() == 1) {
            Outgoing only = events.get(0);
            add(only.topic(), only.type(), only.key(), only.event());
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.addAll needs an active transaction");
        }
        int size = events.size();
        UUID[] ids = new UUID[size];
        String[] topics = new String[size];
        String[] keys = new String[size];
        String[] types = new String[size];
        String[] payloads = new String[size];
        Map<UUID, Integer> positions = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Outgoing outgoing = events.get(i);
            ids[i] = outgoing.event().eventId();
            topics[i] = outgoing.topic();
            keys[i] = outgoing.key();
            types[i] = outgoing.type();
            payloads[i] = toJson(outgoing.event());
            positions.put(ids[i], i);
        }
        OutboxRecord[] stored = new OutboxRecord[size];
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ALL)) {
                insert.setArray(1, connection.createArrayOf("uuid", ids));
                insert.setArray(2, connection.createArrayOf("text", topics));
                insert.setArray(3, connection.createArrayOf("text", keys));
                insert.setArray(4, connection.createArrayOf("text", types));
                insert.setArray(5, connection.createArrayOf("text", payloads));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        UUID eventId = rows.getObject(2, UUID.class);
                        int i = positions.get(eventId);
                        stored[i] = new OutboxRecord(rows.getLong(1), eventId, topics[i], keys[i], types[i],
                                payloads[i], rows.getObject(3, OffsetDateTime.class).toInstant());
                    }
                }
            }
        });
        pendingInThisTransaction().addAll(Arrays.asList(stored));
    }

    @SuppressWarnings("unchecked")
    private List<OutboxRecord> pendingInThisTransaction() {
        List<OutboxRecord> pending = (List<OutboxRecord>) transactions.getResource(PENDING_KEY);
        if (pending == null) {
            List<OutboxRecord> records = new ArrayList<>();
            transactions.putResource(PENDING_KEY, records);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        publisher.publishAfterCommit(records);
                    }
                }
            });
            pending = records;
        }
        return pending;
    }

    private String toJson(LeadflowEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.getClass().getSimpleName() + " is not serialisable", e);
        }
    }

    static Instant toInstant(Object timestamp) {
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + timestamp.getClass());
    }
}
