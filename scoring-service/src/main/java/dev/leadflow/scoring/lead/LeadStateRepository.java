package dev.leadflow.scoring.lead;

import dev.leadflow.scoring.model.Touchpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/**
 * Scoring state in PostgreSQL. Every change to a lead happens under a row lock on its {@code scored_lead} row, and an
 * anonymous visitor's touchpoints under a lock on its {@code anonymous_visitor} row (always taken before the lead's),
 * so the two consumers can process events of the same lead concurrently without losing an update.
 *
 * <p>Events come in batches, so the writing statements take arrays and serve the whole batch at once (lock every
 * lead, link every visitor, insert every new row). They run as plain JDBC on the transaction's connection: a
 * Hibernate native statement would flush the session before it unless told which table it touches, and costs several
 * times the statement itself.
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

    /**
     * The state of each lead, created empty for a lead nothing was known about, all locked until the transaction
     * ends. The rows are locked in lead id order (the order of {@code EventConsumer.inLockOrder}: PostgreSQL orders
     * uuids as their text), so two transactions locking overlapping leads wait for each other instead of deadlocking.
     */
    Map<UUID, ScoredLead> lockAll(Collection<UUID> leadIds) {
        UUID[] ids = leadIds.stream().distinct().sorted(Comparator.comparing(UUID::toString)).toArray(UUID[]::new);
        Map<UUID, ScoredLead> locked = new HashMap<>();
        if (ids.length == 0) {
            return locked;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO scored_lead (lead_id) SELECT unnest(?::uuid[]) ON CONFLICT DO NOTHING")) {
                insert.setArray(1, connection.createArrayOf("uuid", ids));
                insert.executeUpdate();
            }
        });
        entityManager.createQuery("SELECT l FROM ScoredLead l WHERE l.leadId IN :leadIds ORDER BY l.leadId",
                        ScoredLead.class)
                .setParameter("leadIds", List.of(ids))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(lead -> locked.put(lead.leadId(), lead));
        return locked;
    }

    /**
     * The lead each anonymous visitor is known to be (null while unknown), all visitors locked until the transaction
     * ends, in the order of their ids.
     */
    Map<String, UUID> lockVisitors(Collection<String> anonymousIds) {
        Map<String, UUID> leadsOfVisitors = new HashMap<>();
        if (anonymousIds.isEmpty()) {
            return leadsOfVisitors;
        }
        String[] ids = anonymousIds.stream().distinct().sorted().toArray(String[]::new);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO anonymous_visitor (anonymous_id) SELECT unnest(?::text[])
                    ON CONFLICT (anonymous_id) DO UPDATE SET anonymous_id = EXCLUDED.anonymous_id
                    RETURNING anonymous_id, lead_id""")) {
                upsert.setArray(1, connection.createArrayOf("text", ids));
                try (ResultSet rows = upsert.executeQuery()) {
                    while (rows.next()) {
                        leadsOfVisitors.put(rows.getString(1), rows.getObject(2, UUID.class));
                    }
                }
            }
        });
        return leadsOfVisitors;
    }

    /** Which of these touchpoint ids are stored already. */
    List<UUID> storedTouchpointIds(Collection<UUID> touchpointIds) {
        UUID[] ids = touchpointIds.toArray(UUID[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT touchpoint_id FROM touchpoint WHERE touchpoint_id = ANY(?::uuid[])")) {
                select.setArray(1, connection.createArrayOf("uuid", ids));
                List<UUID> stored = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getObject(1, UUID.class));
                    }
                }
                return stored;
            }
        });
    }

    /**
     * Records which lead each visitor is, and hands each lead the touchpoints its visitor made so far, with one
     * statement each for every visitor of a batch. A visitor met twice in the batch (two people on one browser) hands
     * its touchpoints to the first lead and ends up known as the last one, as one capture at a time would.
     *
     * @param visitorLeads the captures' (visitor, lead) pairs, in event order
     */
    void linkVisitors(List<Map.Entry<String, UUID>> visitorLeads) {
        if (visitorLeads.isEmpty()) {
            return;
        }
        Map<String, UUID> firstLead = new TreeMap<>();
        Map<String, UUID> lastLead = new TreeMap<>();
        for (Map.Entry<String, UUID> link : visitorLeads) {
            firstLead.putIfAbsent(link.getKey(), link.getValue());
            lastLead.put(link.getKey(), link.getValue());
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            // Visitors in id order, like every other transaction locking them.
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO anonymous_visitor (anonymous_id, lead_id) SELECT * FROM unnest(?::text[], ?::uuid[])
                    ON CONFLICT (anonymous_id) DO UPDATE SET lead_id = EXCLUDED.lead_id""")) {
                upsert.setArray(1, connection.createArrayOf("text", lastLead.keySet().toArray()));
                upsert.setArray(2, connection.createArrayOf("uuid", lastLead.values().toArray()));
                upsert.executeUpdate();
            }
            try (PreparedStatement handOver = connection.prepareStatement("""
                    UPDATE touchpoint t SET lead_id = v.lead_id
                    FROM unnest(?::text[], ?::uuid[]) AS v(anonymous_id, lead_id)
                    WHERE t.anonymous_id = v.anonymous_id AND t.lead_id IS NULL""")) {
                handOver.setArray(1, connection.createArrayOf("text", firstLead.keySet().toArray()));
                handOver.setArray(2, connection.createArrayOf("uuid", firstLead.values().toArray()));
                handOver.executeUpdate();
            }
        });
    }

    /** The lead's state if anything is known about it, locked until the transaction ends. */
    Optional<ScoredLead> lockIfKnown(UUID leadId) {
        return Optional.ofNullable(entityManager.find(ScoredLead.class, leadId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Stores touchpoints with one statement; one whose id was stored before is left as it was. */
    void addTouchpoints(List<PendingWrites.NewTouchpoint> touchpoints) {
        insertRows("""
                        INSERT INTO touchpoint (touchpoint_id, lead_id, anonymous_id, type, url, campaign, utm_source,
                                                utm_medium, utm_campaign, utm_term, utm_content, occurred_at)
                        SELECT touchpoint_id, lead_id, anonymous_id, type, url, campaign, utm_source, utm_medium,
                               utm_campaign, utm_term, utm_content, occurred_at::timestamptz
                        FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             AS t(touchpoint_id, lead_id, anonymous_id, type, url, campaign, utm_source, utm_medium,
                                  utm_campaign, utm_term, utm_content, occurred_at)
                        ON CONFLICT (touchpoint_id) DO NOTHING""",
                new String[] {"uuid", "uuid", "text", "text", "text", "text", "text", "text", "text", "text", "text",
                        "text"},
                touchpoints.stream().map(row -> {
                    Touchpoint touchpoint = row.touchpoint();
                    return new Object[] {touchpoint.id(), row.leadId(), row.anonymousId(), touchpoint.type(),
                            touchpoint.url(), touchpoint.campaign(), touchpoint.utm().source(),
                            touchpoint.utm().medium(), touchpoint.utm().campaign(), touchpoint.utm().term(),
                            touchpoint.utm().content(), touchpoint.occurredAt().toString()};
                }).toList());
    }

    /** Stores history entries with one statement, their ids in list order. */
    void addHistory(List<ScoreHistoryEntry> entries) {
        insertRows("""
                        INSERT INTO score_history (lead_id, scored_at, model_version, fit, engagement, total,
                                                   threshold, grade, stage, reasons)
                        SELECT lead_id, scored_at::timestamptz, model_version, fit, engagement, total, threshold,
                               grade, stage, reasons::jsonb
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[],
                                    ?::text[], ?::text[], ?::text[])
                             WITH ORDINALITY AS h(lead_id, scored_at, model_version, fit, engagement, total,
                                                  threshold, grade, stage, reasons, position)
                        ORDER BY position""",
                new String[] {"uuid", "text", "text", "int4", "int4", "int4", "int4", "text", "text", "text"},
                entries.stream().map(entry -> new Object[] {entry.leadId(), entry.scoredAt().toString(),
                        entry.modelVersion(), entry.fit(), entry.engagement(), entry.total(), entry.threshold(),
                        entry.grade(), entry.stage(), entry.reasonsJson()}).toList());
    }

    /**
     * Runs an {@code INSERT ... SELECT FROM unnest(...)} for all the rows at once: its parameters are the rows'
     * columns, one array each, of the given SQL types. Nothing runs for no rows.
     */
    private void insertRows(String sql, String[] columnTypes, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Object[][] columns = new Object[columnTypes.length][rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < columnTypes.length; column++) {
                columns[column][row] = rows.get(row)[column];
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int column = 0; column < columnTypes.length; column++) {
                    insert.setArray(column + 1, connection.createArrayOf(columnTypes[column], columns[column]));
                }
                insert.executeUpdate();
            }
        });
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
                .setHint(HibernateHints.HINT_READ_ONLY, true)
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
                    // Never changed once stored: no snapshot for the flush to compare.
                    .setHint(HibernateHints.HINT_READ_ONLY, true)
                    .getResultStream()
                    .forEach(t -> byLead.computeIfAbsent(t.leadId(), id -> new ArrayList<>()).add(t.toTouchpoint()));
        }
        return byLead;
    }
}
