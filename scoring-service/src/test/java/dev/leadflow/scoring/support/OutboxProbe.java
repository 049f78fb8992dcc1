package dev.leadflow.scoring.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Reads the service's own records. The outbox holds every event the service decided to publish, committed with the
 * decision: once a test saw one event of a transaction on Kafka, the outbox tells exactly what else it published.
 */
@ApplicationScoped
public class OutboxProbe {

    private final EntityManager entityManager;

    OutboxProbe(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How many events the service published to {@code topic} with record key {@code key}. */
    public long published(String topic, String key) {
        return count("SELECT count(*) FROM outbox_event WHERE topic = ?1 AND record_key = ?2", topic, key);
    }

    /** Whether {@code consumer} processed the event (its inbox holds the event id). */
    public boolean processed(String consumer, UUID eventId) {
        return count("SELECT count(*) FROM inbox_event WHERE consumer = ?1 AND event_id = ?2", consumer, eventId) == 1;
    }

    /** How many touchpoints are stored for the lead. */
    public long touchpointsOfLead(String leadId) {
        return count("SELECT count(*) FROM touchpoint WHERE lead_id = CAST(?1 AS uuid)", leadId);
    }

    /** How many touchpoints an anonymous visitor made that no lead owns yet. */
    public long unattachedTouchpoints(String anonymousId) {
        return count("SELECT count(*) FROM touchpoint WHERE anonymous_id = ?1 AND lead_id IS NULL", anonymousId);
    }

    /** The types of the events published with record key {@code key}, in publishing order. */
    @SuppressWarnings("unchecked")
    public List<String> eventTypes(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT event_type FROM outbox_event WHERE record_key = ?1 ORDER BY id")
                .setParameter(1, key).getResultList());
    }

    /** How many rows {@code table} holds (a table name from the test, never input). */
    public long rows(String table) {
        return count("SELECT count(*) FROM " + table);
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
