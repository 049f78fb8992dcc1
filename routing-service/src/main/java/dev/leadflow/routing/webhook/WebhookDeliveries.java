package dev.leadflow.routing.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * The deliveries in PostgreSQL: one {@code webhook_delivery} row per (endpoint, event), its attempts in
 * {@code webhook_attempt}. Deliveries are created in the consuming transaction and claimed by dispatchers with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances never send one delivery at the same time.
 */
@ApplicationScoped
@Transactional
public class WebhookDeliveries {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String DEAD = "dead";
    public static final List<String> STATUSES = List.of(PENDING, DELIVERED, FAILED, DEAD);
    /** The outcome of an attempt that will be tried again (the delivery stays pending). */
    public static final String RETRIED = "retried";

    /** A delivery claimed for one attempt, with what is needed to send it. */
    public record Claimed(UUID deliveryId, UUID endpointId, String url, String secret, UUID eventId, String eventType,
            String eventSource, Instant eventTime, String payload, int attemptsBefore) {
    }

    /** One attempt as the delivery log shows it. */
    public record AttemptView(int attempt, Instant attemptedAt, Integer httpStatus, long latencyMs, String error,
            String outcome) {
    }

    /** One delivery as the delivery log shows it, its attempts oldest first. */
    public record DeliveryView(UUID deliveryId, UUID eventId, String eventType, UUID leadId, String status,
            int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant finishedAt,
            List<AttemptView> attemptLog) {
    }

    /** What a redelivery request found. */
    public enum Redelivery { SCHEDULED, NOT_FOUND, NOT_FINISHED_BADLY }

    private final EntityManager entityManager;
    private final Clock clock;
    private final Event<DeliveriesRecorded> recorded;

    WebhookDeliveries(EntityManager entityManager, Clock clock, Event<DeliveriesRecorded> recorded) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.recorded = recorded;
    }

    /** Fired when deliveries became due in a transaction; observed after the commit to wake the dispatcher. */
    public record DeliveriesRecorded(int count) {
    }

    /**
     * Records one pending delivery of the event to every active endpoint subscribed to its type, in the caller's
     * transaction. A delivery that exists already (same endpoint and event) is left alone.
     *
     * @return the deliveries recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(String eventType, UUID eventId, UUID leadId, String source, Instant time, String payload) {
        Instant now = clock.instant();
        int count = entityManager.createNativeQuery("""
                        INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, event_source, event_time,
                            lead_id, payload, status, attempts, next_attempt_at, created_at)
                        SELECT gen_random_uuid(), e.id, ?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?7
                        FROM webhook_endpoint e
                        WHERE e.active AND e.event_types @> jsonb_build_array(CAST(?2 AS text))
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING""")
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .setParameter(3, source)
                .setParameter(4, time)
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.UUID, leadId))
                .setParameter(6, payload)
                .setParameter(7, now)
                .executeUpdate();
        if (count > 0) {
            recorded.fire(new DeliveriesRecorded(count));
        }
        return count;
    }

    /**
     * Claims up to {@code limit} due deliveries of active endpoints for one attempt each: their due time moves to
     * {@code leaseUntil}, so they are not claimed again meanwhile, and are claimed again if this dispatcher dies
     * before recording the outcome.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Claimed> claim(int limit, Instant leaseUntil) {
        List<?> rows = entityManager.createNativeQuery("""
                        WITH due AS (
                            SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                            WHERE d.status = 'pending' AND d.next_attempt_at <= ?1 AND e.active
                            ORDER BY d.next_attempt_at
                            LIMIT ?2
                            FOR UPDATE OF d SKIP LOCKED)
                        UPDATE webhook_delivery d SET next_attempt_at = ?3
                        FROM due, webhook_endpoint e
                        WHERE d.id = due.id AND e.id = d.endpoint_id
                        RETURNING d.id, d.endpoint_id, e.url, e.secret, d.event_id, d.event_type, d.event_source,
                            d.event_time, d.payload, d.attempts""")
                .setParameter(1, clock.instant())
                .setParameter(2, limit)
                .setParameter(3, leaseUntil)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Claimed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (UUID) r[4], (String) r[5],
                    (String) r[6], Timestamps.instant(r[7]), (String) r[8], ((Number) r[9]).intValue());
        }).toList();
    }

    /**
     * Records an attempt and the delivery's next state, in one new transaction. Nothing is recorded when the
     * delivery is gone (its endpoint was deleted meanwhile).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAttempt(Claimed delivery, Instant attemptedAt, Integer httpStatus, long latencyMs, String error,
            DeliveryPolicy.Next next) {
        String outcome = outcome(next);
        boolean retry = next instanceof DeliveryPolicy.RetryAt;
        int updated = entityManager.createNativeQuery("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, status = ?2, next_attempt_at = ?3,
                            last_error = ?4, finished_at = ?5
                        WHERE id = ?1""")
                .setParameter(1, delivery.deliveryId())
                .setParameter(2, retry ? PENDING : outcome)
                .setParameter(3, new TypedParameterValue<>(StandardBasicTypes.INSTANT,
                        retry ? ((DeliveryPolicy.RetryAt) next).at() : null))
                .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.STRING, next.reason()))
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.INSTANT, retry ? null : attemptedAt))
                .executeUpdate();
        if (updated == 0) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, http_status, latency_ms, error,
                            outcome)
                        SELECT ?1, COALESCE(MAX(attempt), 0) + 1, ?2, ?3, ?4, ?5, ?6
                        FROM webhook_attempt WHERE delivery_id = ?1""")
                .setParameter(1, delivery.deliveryId())
                .setParameter(2, attemptedAt)
                .setParameter(3, new TypedParameterValue<>(StandardBasicTypes.INTEGER, httpStatus))
                .setParameter(4, latencyMs)
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.STRING, error))
                .setParameter(6, outcome)
                .executeUpdate();
    }

    /** The endpoint's deliveries, newest first, optionally of one status, each with its attempts. */
    public List<DeliveryView> list(UUID endpointId, Optional<String> status, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, event_id, event_type, lead_id, status, attempts, next_attempt_at, last_error,
                            created_at, finished_at
                        FROM webhook_delivery
                        WHERE endpoint_id = ?1 AND (?2 = '' OR status = ?2)
                        ORDER BY created_at DESC, id
                        LIMIT ?3""")
                .setParameter(1, endpointId)
                .setParameter(2, status.orElse(""))
                .setParameter(3, limit)
                .getResultList();
        Map<UUID, Object[]> deliveries = new LinkedHashMap<>();
        rows.forEach(row -> deliveries.put((UUID) ((Object[]) row)[0], (Object[]) row));
        Map<UUID, List<AttemptView>> attempts = attempts(deliveries.keySet());
        return deliveries.values().stream().map(r -> new DeliveryView((UUID) r[0], (UUID) r[1], (String) r[2],
                (UUID) r[3], (String) r[4], ((Number) r[5]).intValue(),
                PENDING.equals(r[4]) ? Timestamps.instant(r[6]) : null, (String) r[7], Timestamps.instant(r[8]),
                Timestamps.instant(r[9]), attempts.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    /**
     * Makes a failed or dead delivery due again at once, with a fresh budget of attempts; its log is kept.
     */
    public Redelivery redeliver(UUID endpointId, UUID deliveryId) {
        List<?> status = entityManager.createNativeQuery(
                        "SELECT status FROM webhook_delivery WHERE id = ?1 AND endpoint_id = ?2 FOR UPDATE")
                .setParameter(1, deliveryId).setParameter(2, endpointId).getResultList();
        if (status.isEmpty()) {
            return Redelivery.NOT_FOUND;
        }
        if (!FAILED.equals(status.get(0)) && !DEAD.equals(status.get(0))) {
            return Redelivery.NOT_FINISHED_BADLY;
        }
        entityManager.createNativeQuery("""
                        UPDATE webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = ?2,
                            finished_at = NULL
                        WHERE id = ?1""")
                .setParameter(1, deliveryId).setParameter(2, clock.instant()).executeUpdate();
        recorded.fire(new DeliveriesRecorded(1));
        return Redelivery.SCHEDULED;
    }

    /**
     * Deletes delivered deliveries (their payloads hold lead data) finished before {@code before}; failed and dead
     * ones stay until redelivered or their endpoint is deleted, so nothing undelivered disappears unseen.
     */
    public int purgeDelivered(Instant before) {
        return entityManager.createNativeQuery(
                        "DELETE FROM webhook_delivery WHERE status = 'delivered' AND finished_at < ?1")
                .setParameter(1, before).executeUpdate();
    }

    /** Deliveries not finished yet (due now or later). */
    public long pending() {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM webhook_delivery WHERE status = 'pending'").getSingleResult()).longValue();
    }

    private Map<UUID, List<AttemptView>> attempts(java.util.Collection<UUID> deliveryIds) {
        Map<UUID, List<AttemptView>> attempts = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return attempts;
        }
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT delivery_id, attempt, attempted_at, http_status, latency_ms, error, outcome
                        FROM webhook_attempt WHERE delivery_id IN (:ids) ORDER BY delivery_id, attempt""")
                .setParameter("ids", new ArrayList<>(deliveryIds))
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            attempts.computeIfAbsent((UUID) r[0], id -> new ArrayList<>()).add(new AttemptView(
                    ((Number) r[1]).intValue(), Timestamps.instant(r[2]),
                    r[3] == null ? null : ((Number) r[3]).intValue(), ((Number) r[4]).longValue(), (String) r[5],
                    (String) r[6]));
        }
        return attempts;
    }

    static String outcome(DeliveryPolicy.Next next) {
        if (next instanceof DeliveryPolicy.Delivered) {
            return DELIVERED;
        }
        if (next instanceof DeliveryPolicy.RetryAt) {
            return RETRIED;
        }
        return next instanceof DeliveryPolicy.Dead ? DEAD : FAILED;
    }
}
