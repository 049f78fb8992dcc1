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
import java.util.List;
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
