package dev.leadflow.routing.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        return count("qualificationId", qualificationId) > 0;
    }
}
