package dev.leadflow.routing.sla;

import dev.leadflow.routing.repository.RoutingDecisionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** First-contact SLA timers in {@code sla_timer}, written in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SlaTimers {

    private static final String COLUMNS = """
            decision_id, lead_id, qualification_id, reassignments, owner_id, rule_id, started_at, due_at, status,
            breached_at, escalation, notified_manager, reassigned_to, contacted_at, contacted_by, closed_at, closed_by""";

    private final EntityManager entityManager;

    SlaTimers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Starts the timer of a new assignment to a rep, due at the decision's {@code slaDueAt}; {@code ruleId} is the
     * rule whose SLA and escalation apply (the matched rule also for an account owner's lead).
     */
    public void start(RoutingDecisionEntity decision, String ruleId, Instant startedAt) {
        entityManager.createNativeQuery("""
                        INSERT INTO sla_timer (decision_id, lead_id, qualification_id, reassignments, owner_id, rule_id,
                                               started_at, due_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, decision.getId())
                .setParameter(2, decision.getLeadId())
                .setParameter(3, decision.getQualificationId())
                .setParameter(4, decision.getReassignments())
                .setParameter(5, decision.getOwnerId())
                .setParameter(6, ruleId)
                .setParameter(7, startedAt)
                .setParameter(8, decision.getSlaDueAt())
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} open timers due at {@code now}, earliest first, locking them until the transaction
     * ends; rows another instance holds are skipped, so no timer is handled twice.
     */
    public List<SlaTimer> claimDue(Instant now, int limit) {
        return timers(entityManager.createNativeQuery("SELECT " + COLUMNS + """
                         FROM sla_timer WHERE status = 'open' AND due_at <= ?1
                        ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, now).setParameter(2, limit).getResultList());
    }

    public void breached(UUID decisionId, Instant at, String escalation, String notifiedManager, String reassignedTo) {
        entityManager.createNativeQuery("""
                        UPDATE sla_timer SET status = 'breached', breached_at = ?1, escalation = ?2,
                               notified_manager = ?3, reassigned_to = ?4
                        WHERE decision_id = ?5""")
                .setParameter(1, at).setParameter(2, escalation).setParameter(3, notifiedManager)
                .setParameter(4, reassignedTo).setParameter(5, decisionId)
                .executeUpdate();
    }

    /**
     * Records first contact with the lead: stops its open timers ({@code contacted}), or, when none is open, marks
     * the latest breached timer without a contact as contacted late. Returns the number of timers changed.
     */
    public int contacted(UUID leadId, String repId, Instant at) {
        int stopped = entityManager.createNativeQuery("""
                        UPDATE sla_timer SET status = 'contacted', contacted_at = ?1, contacted_by = ?2
                        WHERE lead_id = ?3 AND status = 'open'""")
                .setParameter(1, at).setParameter(2, repId).setParameter(3, leadId).executeUpdate();
        if (stopped > 0) {
            return stopped;
        }
        return entityManager.createNativeQuery("""
                        UPDATE sla_timer SET contacted_at = ?1, contacted_by = ?2
                        WHERE decision_id = (SELECT decision_id FROM sla_timer
                                             WHERE lead_id = ?3 AND status = 'breached' AND contacted_at IS NULL
                                             ORDER BY created_at DESC LIMIT 1)""")
                .setParameter(1, at).setParameter(2, repId).setParameter(3, leadId).executeUpdate();
    }

    /** An outcome ended the lead's assignments: its open timers close (no breach can follow). */
    public int close(UUID leadId, String by, Instant at) {
        return entityManager.createNativeQuery("""
                        UPDATE sla_timer SET status = 'closed', closed_at = ?1, closed_by = ?2
                        WHERE lead_id = ?3 AND status = 'open'""")
                .setParameter(1, at).setParameter(2, by).setParameter(3, leadId).executeUpdate();
    }

    /** The lead's timers, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SlaTimer> findByLead(UUID leadId) {
        return timers(entityManager.createNativeQuery("SELECT " + COLUMNS
                        + " FROM sla_timer WHERE lead_id = ?1 ORDER BY created_at, reassignments")
                .setParameter(1, leadId).getResultList());
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public long countOpen() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM sla_timer WHERE status = 'open'")
                .getSingleResult()).longValue();
    }

    private static List<SlaTimer> timers(List<?> rows) {
        return rows.stream().map(found -> {
            Object[] row = (Object[]) found;
            return new SlaTimer((UUID) row[0], (UUID) row[1], (UUID) row[2], ((Number) row[3]).intValue(),
                    (String) row[4], (String) row[5], instant(row[6]), instant(row[7]), (String) row[8],
                    instant(row[9]), (String) row[10], (String) row[11], (String) row[12], instant(row[13]),
                    (String) row[14], instant(row[15]), (String) row[16]);
        }).toList();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
