package dev.leadflow.routing.sla;

import dev.leadflow.events.OwnerType;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Open-lead accounting: an assignment to a rep counts in the rep's {@code rep_load.open_leads} from routing until it
 * is released (a CRM outcome, or a reassignment after a missed SLA). {@code routing_decision.released_at} is set once,
 * so the counter moves exactly once per assignment, however often outcomes arrive.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Assignments {

    private final EntityManager entityManager;

    Assignments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Releases one assignment; false when it was released before or is a queue's. */
    public boolean release(RoutingDecisionEntity decision, String by, Instant at) {
        return OwnerType.REP.equals(decision.getOwnerType()) && release(decision.getId(), decision.getOwnerId(), by, at);
    }

    /** Releases every open rep assignment of the lead (an outcome ends the lead's sales engagement); returns how many. */
    public int releaseLead(UUID leadId, String by, Instant at) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT id, owner_id FROM routing_decision
                        WHERE lead_id = ?1 AND owner_type = 'rep' AND released_at IS NULL ORDER BY id FOR UPDATE""")
                .setParameter(1, leadId).getResultList();
        int released = 0;
        for (Object found : rows) {
            Object[] row = (Object[]) found;
            if (release((UUID) row[0], (String) row[1], by, at)) {
                released++;
            }
        }
        return released;
    }

    private boolean release(UUID decisionId, String ownerId, String by, Instant at) {
        int updated = entityManager.createNativeQuery("""
                        UPDATE routing_decision SET released_at = ?1, released_by = ?2
                        WHERE id = ?3 AND released_at IS NULL""")
                .setParameter(1, at).setParameter(2, by).setParameter(3, decisionId).executeUpdate();
        if (updated == 0) {
            return false;
        }
        // Never below zero: loads counted before this accounting existed may be lower than the releases.
        entityManager.createNativeQuery("""
                        UPDATE rep_load SET open_leads = open_leads - 1, updated_at = clock_timestamp()
                        WHERE rep_id = ?1 AND open_leads > 0""")
                .setParameter(1, ownerId).executeUpdate();
        return true;
    }
}
