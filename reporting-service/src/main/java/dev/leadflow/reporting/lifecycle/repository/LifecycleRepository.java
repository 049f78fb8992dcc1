package dev.leadflow.reporting.lifecycle.repository;

import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import dev.leadflow.reporting.lifecycle.LeadTimeline;
import dev.leadflow.reporting.lifecycle.LifecycleChange;
import dev.leadflow.reporting.lifecycle.TimelineEntry;
import dev.leadflow.reporting.lifecycle.repository.LifecycleRow.Column;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * Stores lead lifecycles and their timelines in PostgreSQL. Projecting an event is on the hot path of every lead,
 * so it is at most three native statements and no entity life cycle (see "Cost per event" in the README), and a batch
 * of events shares its lock and insert statements ({@link #updateAll}, {@link #appendAll}); each statement declares
 * the one table it touches, so Hibernate does not flush the session before it.
 */
@ApplicationScoped
public class LifecycleRepository {

    private static final String LIFECYCLE = "lead_lifecycle";
    private static final String TIMELINE = "timeline_event";

    /**
     * Creates the row if it is missing, locks it and returns it, in one statement. {@code DO UPDATE} (unlike
     * {@code DO NOTHING}) locks an existing row and returns it, like {@code SELECT ... FOR UPDATE}; two first
     * events of a lead racing on it both succeed, the second one waiting for the first to commit. The no-op update
     * writes a new (HOT) row version each time: the price of creating, locking and reading in one round trip.
     */
    private static final String LOCK = "INSERT INTO lead_lifecycle (lead_id) VALUES (?1)"
            + " ON CONFLICT (lead_id) DO UPDATE SET lead_id = EXCLUDED.lead_id RETURNING " + LifecycleRow.SELECT_LIST;

    /** {@link #LOCK} for every lead of a batch at once, in the order of the (sorted, distinct) ids. */
    private static final String LOCK_ALL = "INSERT INTO lead_lifecycle (lead_id) SELECT unnest(?1)"
            + " ON CONFLICT (lead_id) DO UPDATE SET lead_id = EXCLUDED.lead_id RETURNING lead_id, "
            + LifecycleRow.SELECT_LIST;

    /**
     * Sets every column: one fixed statement the driver prepares once per connection, and PostgreSQL writes a whole
     * new row version whichever columns change.
     */
    private static final String UPDATE = "UPDATE lead_lifecycle SET "
            + LifecycleRow.COLUMNS.stream().map(column -> column.sqlName() + " = ?" + (column.ordinal() + 1))
                    .collect(Collectors.joining(", "))
            + " WHERE lead_id = ?" + (LifecycleRow.COLUMNS.size() + 1);

    private static final String APPEND = "INSERT INTO timeline_event (event_id, lead_id, event_type, occurred_at,"
            + " summary) VALUES (?1, ?2, ?3, ?4, ?5)";

    /** {@link #APPEND} for every entry of a batch at once, in list order. */
    private static final String APPEND_ALL = "INSERT INTO timeline_event (event_id, lead_id, event_type, occurred_at,"
            + " summary) SELECT event_id, lead_id, event_type, occurred_at::timestamptz, summary"
            + " FROM unnest(?1, ?2, ?3, ?4, ?5) WITH ORDINALITY"
            + " AS e(event_id, lead_id, event_type, occurred_at, summary, position) ORDER BY position";

    private static final String FIND = "SELECT " + LifecycleRow.SELECT_LIST + " FROM lead_lifecycle WHERE lead_id = ?1";

    private final EntityManager entityManager;

    LifecycleRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Replaces the lead's lifecycle by {@code change} applied to it, holding the row lock for the rest of the
     * transaction: the events of one lead arrive on several topics and are consumed concurrently, so a
     * read-modify-write without the lock would lose updates. Sends no {@code UPDATE} when the change changes
     * nothing (e.g. a later contact after the first one). Must run in a transaction.
     *
     * @return the change, as computed from the lifecycle stored before it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LifecycleChange update(UUID leadId, Function<LeadLifecycle, LifecycleChange> change) {
        Object[] row = (Object[]) withColumns(nativeQuery(LOCK, LIFECYCLE))
                .setParameter(1, leadId)
                .getSingleResult();
        LeadLifecycle before = LifecycleRow.toDomain(leadId, row);
        LifecycleChange result = change.apply(before);
        if (!result.after().equals(before)) {
            write(leadId, result.after());
        }
        return result;
    }

    private void write(UUID leadId, LeadLifecycle lifecycle) {
        NativeQuery<?> update = nativeQuery(UPDATE, LIFECYCLE);
        Object[] values = LifecycleRow.values(lifecycle);
        for (Column column : LifecycleRow.COLUMNS) {
            bind(update, column.ordinal() + 1, column.type(), values[column.ordinal()]);
        }
        update.setParameter(LifecycleRow.COLUMNS.size() + 1, leadId).executeUpdate();
    }

    /**
     * Applies each change, in order, to its lead's lifecycle, with one statement that creates, locks and reads every
     * lead of the batch (in lead id order, so concurrent batches wait for each other instead of deadlocking) and one
     * {@code UPDATE} per lead the batch changed. A lead met twice sees the first change when the second is applied,
     * as one event at a time would. Must run in a transaction.
     *
     * @return each change as computed from the lifecycle before it, in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LifecycleChange> updateAll(List<LeadChange> changes) {
        if (changes.size() == 1) {
            return List.of(update(changes.get(0).leadId(), changes.get(0).change()));
        }
        UUID[] ids = changes.stream().map(LeadChange::leadId).distinct()
                .sorted(Comparator.comparing(UUID::toString)).toArray(UUID[]::new);
        NativeQuery<?> lock = nativeQuery(LOCK_ALL, LIFECYCLE).addScalar("lead_id", UUID.class);
        Map<UUID, LeadLifecycle> stored = new HashMap<>();
        withColumns(lock).setParameter(1, ids).getResultList().forEach(row -> {
            Object[] values = (Object[]) row;
            UUID leadId = (UUID) values[0];
            stored.put(leadId, LifecycleRow.toDomain(leadId, Arrays.copyOfRange(values, 1, values.length)));
        });
        Map<UUID, LeadLifecycle> current = new HashMap<>(stored);
        List<LifecycleChange> results = new ArrayList<>(changes.size());
        for (LeadChange change : changes) {
            LifecycleChange result = change.change().apply(current.get(change.leadId()));
            current.put(change.leadId(), result.after());
            results.add(result);
        }
        for (UUID leadId : ids) {
            if (!current.get(leadId).equals(stored.get(leadId))) {
                write(leadId, current.get(leadId));
            }
        }
        return results;
    }

    /** A change to one lead's lifecycle, as {@link #update} takes it. */
    public record LeadChange(UUID leadId, Function<LeadLifecycle, LifecycleChange> change) {
    }

    /** Adds entries to their leads' timelines with one statement. Must run in a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Map.Entry<UUID, TimelineEntry>> entries) {
        if (entries.size() == 1) {
            append(entries.get(0).getKey(), entries.get(0).getValue());
            return;
        }
        nativeQuery(APPEND_ALL, TIMELINE)
                .setParameter(1, entries.stream().map(entry -> entry.getValue().eventId()).toArray(UUID[]::new))
                .setParameter(2, entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                .setParameter(3, entries.stream().map(entry -> entry.getValue().type()).toArray(String[]::new))
                .setParameter(4, entries.stream().map(entry -> entry.getValue().occurredAt().toString())
                        .toArray(String[]::new))
                .setParameter(5, entries.stream().map(entry -> entry.getValue().summary()).toArray(String[]::new))
                .executeUpdate();
    }

    /** Adds an event to the lead's timeline. Must run in a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID leadId, TimelineEntry entry) {
        nativeQuery(APPEND, TIMELINE)
                .setParameter(1, entry.eventId())
                .setParameter(2, leadId)
                .setParameter(3, entry.type())
                .setParameter(4, entry.occurredAt())
                .setParameter(5, entry.summary())
                .executeUpdate();
    }

    /** The lead's stages and events, or empty when no event of the lead has been projected. */
    @Transactional
    public Optional<LeadTimeline> timeline(UUID leadId) {
        Optional<LeadLifecycle> lifecycle = withColumns(nativeQuery(FIND, LIFECYCLE))
                .setParameter(1, leadId)
                .getResultStream()
                .findFirst()
                .map(row -> LifecycleRow.toDomain(leadId, (Object[]) row));
        if (lifecycle.isEmpty()) {
            return Optional.empty();
        }
        var events = entityManager.createQuery(
                        "SELECT e FROM TimelineEventEntity e WHERE e.leadId = :leadId", TimelineEventEntity.class)
                .setParameter("leadId", leadId)
                .getResultStream()
                .map(TimelineEventEntity::toDomain)
                .toList();
        return Optional.of(new LeadTimeline(lifecycle.get(), events));
    }

    private NativeQuery<?> nativeQuery(String sql, String table) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    }

    /** Reads the lifecycle columns as the Java types {@link LifecycleRow} expects. */
    private static NativeQuery<?> withColumns(NativeQuery<?> query) {
        for (Column column : LifecycleRow.COLUMNS) {
            query.addScalar(column.sqlName(), column.type());
        }
        return query;
    }

    /** Binds with the column's type, so a null is sent as a typed null. */
    private static <T> void bind(NativeQuery<?> query, int position, Class<T> type, Object value) {
        query.setParameter(position, type.cast(value), type);
    }
}
