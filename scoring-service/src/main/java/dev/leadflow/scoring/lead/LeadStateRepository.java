package dev.leadflow.scoring.lead;

import dev.leadflow.events.Utm;
import dev.leadflow.scoring.model.Touchpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Scoring state in PostgreSQL. Every change to a lead happens under a row lock on its {@code scored_lead} row, and an
 * anonymous visitor's touchpoints under a lock on its {@code anonymous_visitor} row (always taken before the lead's),
 * so the two consumers can process events of the same lead concurrently without losing an update.
 *
 * <p>Each native statement names the one table it touches (its synchronized query space): without that, Hibernate
 * flushes the whole session before it, writing the lead's row once per statement instead of once per event.
 */
@ApplicationScoped
class LeadStateRepository {

    private static final int TOUCHPOINT_CHUNK = 1000;

    private final EntityManager entityManager;

    LeadStateRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Optional<ScoredLead> find(UUID leadId) {
        return Optional.ofNullable(entityManager.find(ScoredLead.class, leadId));
    }

    /** The lead's state, created empty if nothing was known about it, locked until the transaction ends. */
    ScoredLead lock(UUID leadId) {
        // An upsert instead of find-then-persist: two first events of one lead racing must not fail on the key.
        entityManager.createNativeQuery("INSERT INTO scored_lead (lead_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("scored_lead")
                .setParameter(1, leadId)
                .executeUpdate();
        return entityManager.find(ScoredLead.class, leadId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The lead an anonymous visitor is known to be, or null; locks the visitor until the transaction ends. */
    UUID lockVisitor(String anonymousId) {
        return (UUID) entityManager.createNativeQuery("""
                        INSERT INTO anonymous_visitor (anonymous_id) VALUES (?1)
                        ON CONFLICT (anonymous_id) DO UPDATE SET anonymous_id = EXCLUDED.anonymous_id
                        RETURNING lead_id""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("anonymous_visitor")
                .setParameter(1, anonymousId)
                .getSingleResult();
    }

    /** Records that the visitor is the lead and hands the lead every touchpoint the visitor made so far. */
    void linkVisitor(String anonymousId, UUID leadId) {
        entityManager.createNativeQuery("""
                        INSERT INTO anonymous_visitor (anonymous_id, lead_id) VALUES (?1, ?2)
                        ON CONFLICT (anonymous_id) DO UPDATE SET lead_id = EXCLUDED.lead_id""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("anonymous_visitor")
                .setParameter(1, anonymousId)
                .setParameter(2, leadId)
                .executeUpdate();
        entityManager.createNativeQuery(
                        "UPDATE touchpoint SET lead_id = ?1 WHERE anonymous_id = ?2 AND lead_id IS NULL")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("touchpoint")
                .setParameter(1, leadId)
                .setParameter(2, anonymousId)
                .executeUpdate();
    }

    /** The lead's state if anything is known about it, locked until the transaction ends. */
    Optional<ScoredLead> lockIfKnown(UUID leadId) {
        return Optional.ofNullable(entityManager.find(ScoredLead.class, leadId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Stores a touchpoint; false when one with this id was stored before. */
    boolean addTouchpoint(UUID touchpointId, UUID leadId, String anonymousId, String type, String url,
            String campaign, Utm utm, Instant occurredAt) {
        Utm known = utm == null ? new Utm(null, null, null, null, null) : utm;
        // Typed parameters: a bare null would reach PostgreSQL without a type it can cast to uuid.
        return entityManager.createNativeQuery("""
                        INSERT INTO touchpoint (touchpoint_id, lead_id, anonymous_id, type, url, campaign, utm_source,
                                                utm_medium, utm_campaign, utm_term, utm_content, occurred_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                        ON CONFLICT (touchpoint_id) DO NOTHING""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("touchpoint")
                .setParameter(1, touchpointId, UUID.class)
                .setParameter(2, leadId, UUID.class)
                .setParameter(3, anonymousId, String.class)
                .setParameter(4, type, String.class)
                .setParameter(5, url, String.class)
                .setParameter(6, campaign, String.class)
                .setParameter(7, known.source(), String.class)
                .setParameter(8, known.medium(), String.class)
                .setParameter(9, known.campaign(), String.class)
                .setParameter(10, known.term(), String.class)
                .setParameter(11, known.content(), String.class)
                .setParameter(12, occurredAt, Instant.class)
                .executeUpdate() == 1;
    }

    void addHistory(ScoreHistoryEntry entry) {
        entityManager.persist(entry);
    }

    /** The lead's published scores, newest first, at most {@code limit}. */
    List<ScoreHistoryEntry> historyOf(UUID leadId, int limit) {
        return entityManager.createQuery(
                        "SELECT h FROM ScoreHistoryEntry h WHERE h.leadId = :leadId ORDER BY h.id DESC",
                        ScoreHistoryEntry.class)
                .setParameter("leadId", leadId)
                .setMaxResults(limit)
                .getResultList();
    }

    List<Touchpoint> touchpointsOf(UUID leadId) {
        return entityManager.createQuery("""
                        SELECT t FROM StoredTouchpoint t WHERE t.leadId = :leadId
                        ORDER BY t.occurredAt, t.touchpointId""", StoredTouchpoint.class)
                .setParameter("leadId", leadId)
                .getResultStream()
                .map(StoredTouchpoint::toTouchpoint)
                .toList();
    }

    /** The {@code limit} most recently captured leads, newest first. */
    List<ScoredLead> latestCaptured(int limit) {
        return entityManager.createQuery("""
                        SELECT l FROM ScoredLead l WHERE l.lastCapturedAt IS NOT NULL
                        ORDER BY l.lastCapturedAt DESC, l.leadId""", ScoredLead.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The touchpoints of each lead, oldest first; a lead without any has none in the map. */
    Map<UUID, List<Touchpoint>> touchpointsOf(Collection<UUID> leadIds) {
        Map<UUID, List<Touchpoint>> byLead = new HashMap<>();
        List<UUID> ids = List.copyOf(leadIds);
        // Chunks keep each statement's parameter list well below PostgreSQL's limit.
        for (int from = 0; from < ids.size(); from += TOUCHPOINT_CHUNK) {
            entityManager.createQuery("""
                            SELECT t FROM StoredTouchpoint t WHERE t.leadId IN :leadIds
                            ORDER BY t.occurredAt, t.touchpointId""", StoredTouchpoint.class)
                    .setParameter("leadIds", ids.subList(from, Math.min(ids.size(), from + TOUCHPOINT_CHUNK)))
                    .getResultStream()
                    .forEach(t -> byLead.computeIfAbsent(t.leadId(), id -> new ArrayList<>()).add(t.toTouchpoint()));
        }
        return byLead;
    }
}
