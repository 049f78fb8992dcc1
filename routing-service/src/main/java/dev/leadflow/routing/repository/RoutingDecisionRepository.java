package dev.leadflow.routing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class RoutingDecisionRepository implements PanacheRepositoryBase<RoutingDecisionEntity, UUID> {

    /** The lead's decisions, oldest first. */
    public List<RoutingDecisionEntity> findByLead(UUID leadId) {
        return list("leadId", Sort.ascending("routedAt"), leadId);
    }

    /** The lead's most recent decision: who owns it now. */
    public Optional<RoutingDecisionEntity> findLatestByLead(UUID leadId) {
        return find("leadId", Sort.descending("routedAt"), leadId).firstResultOptional();
    }

    public boolean isRouted(UUID qualificationId) {
        // Asked for every qualified lead: a plain EXISTS costs a fraction of an HQL count, and naming its one table
        // keeps Hibernate from flushing anything else first.
        return (Boolean) getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM routing_decision WHERE qualification_id = ?1)")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("routing_decision")
                .setParameter(1, qualificationId)
                .getSingleResult();
    }

    /** Whether the qualification's assignment number {@code reassignments} exists (0: its first routing). */
    public boolean isRouted(UUID qualificationId, int reassignments) {
        return count("qualificationId = ?1 and reassignments = ?2", qualificationId, reassignments) > 0;
    }

    /** The qualification's assignments, first routing first. */
    public List<RoutingDecisionEntity> findByQualification(UUID qualificationId) {
        return list("qualificationId", Sort.ascending("reassignments"), qualificationId);
    }

    /** The decision, its row locked until the transaction ends. */
    public Optional<RoutingDecisionEntity> lock(UUID decisionId) {
        return Optional.ofNullable(findById(decisionId, LockModeType.PESSIMISTIC_WRITE));
    }
}
