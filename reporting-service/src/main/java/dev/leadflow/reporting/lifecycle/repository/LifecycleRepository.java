package dev.leadflow.reporting.lifecycle.repository;

import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import dev.leadflow.reporting.lifecycle.LeadTimeline;
import dev.leadflow.reporting.lifecycle.LifecycleChange;
import dev.leadflow.reporting.lifecycle.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Stores lead lifecycles and their timelines in PostgreSQL. */
@ApplicationScoped
public class LifecycleRepository {

    private final EntityManager entityManager;

    LifecycleRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Replaces the lead's lifecycle by {@code change} applied to it, holding the row lock for the rest of the
     * transaction: the events of one lead arrive on several topics and are consumed concurrently, so a
     * read-modify-write without the lock would lose updates. Must run in a transaction.
     *
     * @return the change, as computed from the lifecycle stored before it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LifecycleChange update(UUID leadId, Function<LeadLifecycle, LifecycleChange> change) {
        // Create-if-absent first: two first events of a lead racing on a plain INSERT would fail one of them.
        entityManager.createNativeQuery("INSERT INTO lead_lifecycle (lead_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, leadId)
                .executeUpdate();
        LeadLifecycleEntity row = entityManager.find(LeadLifecycleEntity.class, leadId,
                LockModeType.PESSIMISTIC_WRITE);
        LifecycleChange result = change.apply(row.toDomain());
        row.update(result.after());
        return result;
    }

    /** Adds an event to the lead's timeline. Must run in a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID leadId, TimelineEntry entry) {
        entityManager.persist(new TimelineEventEntity(leadId, entry));
    }

    /** The lead's stages and events, or empty when no event of the lead has been projected. */
    @Transactional
    public Optional<LeadTimeline> timeline(UUID leadId) {
        LeadLifecycleEntity row = entityManager.find(LeadLifecycleEntity.class, leadId);
        if (row == null) {
            return Optional.empty();
        }
        var events = entityManager.createQuery(
                        "SELECT e FROM TimelineEventEntity e WHERE e.leadId = :leadId", TimelineEventEntity.class)
                .setParameter("leadId", leadId)
                .getResultStream()
                .map(TimelineEventEntity::toDomain)
                .toList();
        return Optional.of(new LeadTimeline(row.toDomain(), events));
    }
}
