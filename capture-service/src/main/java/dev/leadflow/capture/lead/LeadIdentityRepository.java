package dev.leadflow.capture.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** The email -> leadId identities, table {@code lead_identity}. */
@ApplicationScoped
public class LeadIdentityRepository {

    private final EntityManager entityManager;

    LeadIdentityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The leadId of {@code email}: {@code candidate} if the email is new, else the one it got first. One atomic
     * statement, so concurrent first submissions of one email all get the same leadId (the losers of the race
     * wait for the winner's row, then update it). Must run in a transaction.
     */
    public LeadIdentity identify(String email, UUID candidate) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                INSERT INTO lead_identity (email, lead_id) VALUES (?1, ?2)
                ON CONFLICT (email) DO UPDATE
                    SET last_captured_at = clock_timestamp(), submissions = lead_identity.submissions + 1
                RETURNING lead_id, (xmax = 0) AS inserted""")
                .setParameter(1, email)
                .setParameter(2, candidate)
                .getSingleResult();
        return new LeadIdentity((UUID) row[0], !(Boolean) row[1]);
    }

    /** A lead's id, and whether the email had been captured before. */
    public record LeadIdentity(UUID leadId, boolean returning) {
    }
}
