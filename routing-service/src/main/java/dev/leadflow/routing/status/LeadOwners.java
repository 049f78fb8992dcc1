package dev.leadflow.routing.status;

import dev.leadflow.routing.repository.RoutingDecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The current owner of leads: the owner of each lead's latest routing decision. */
@ApplicationScoped
public class LeadOwners {

    private final RoutingDecisionRepository decisions;
    private final EntityManager entityManager;

    LeadOwners(RoutingDecisionRepository decisions, EntityManager entityManager) {
        this.decisions = decisions;
        this.entityManager = entityManager;
    }

    /** The lead's current owner; empty before its first routing. */
    public Optional<LeadOwner> of(UUID leadId) {
        return decisions.findLatestByLead(leadId)
                .map(latest -> new LeadOwner(latest.getOwnerName(), latest.getOwnerType(),
                        latest.getOwnerBookingLink()));
    }

    /**
     * The current owner of each of {@code leadIds} that has one, in one query however many there are (the ids travel
     * as one array parameter, so no bind-parameter limit applies).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<UUID, LeadOwner> ofAll(Set<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT DISTINCT ON (lead_id) lead_id, owner_name, owner_type, owner_booking_link
                        FROM routing_decision WHERE lead_id = ANY (CAST(?1 AS uuid[]))
                        ORDER BY lead_id, routed_at DESC""")
                .setParameter(1, leadIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        Map<UUID, LeadOwner> owners = new HashMap<>();
        for (Object found : rows) {
            Object[] row = (Object[]) found;
            owners.put((UUID) row[0], new LeadOwner((String) row[1], (String) row[2], (String) row[3]));
        }
        return owners;
    }
}
