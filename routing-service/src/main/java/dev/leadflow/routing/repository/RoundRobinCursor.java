package dev.leadflow.routing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The rotation's position, kept in PostgreSQL so it survives restarts and is shared by every routing instance.
 * A routing transaction locks it first and holds it until commit, which makes concurrent routings take turns:
 * no rep is assigned twice in a row by a race and no turn is lost.
 */
@ApplicationScoped
public class RoundRobinCursor {

    private static final String ROTATION = "default";

    private final EntityManager entityManager;

    RoundRobinCursor(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Locks the cursor until the current transaction ends and returns the rep assigned last, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> lockAndReadLastAssignedRep() {
        List<?> rows = entityManager.createNativeQuery(
                        "SELECT last_rep_id FROM round_robin_cursor WHERE rotation = ?1 FOR UPDATE")
                .setParameter(1, ROTATION)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("round_robin_cursor has no '" + ROTATION + "' row; see V1 migration");
        }
        return Optional.ofNullable((String) rows.get(0));
    }

    /** Records that {@code repId} got the latest lead; call only while holding the lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advanceTo(String repId) {
        entityManager.createNativeQuery(
                        "UPDATE round_robin_cursor SET last_rep_id = ?1, updated_at = clock_timestamp() WHERE rotation = ?2")
                .setParameter(1, repId)
                .setParameter(2, ROTATION)
                .executeUpdate();
    }
}
