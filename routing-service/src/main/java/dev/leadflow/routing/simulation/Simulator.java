package dev.leadflow.routing.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.routing.assignment.LeadRouter;
import dev.leadflow.routing.decision.RoutingEngine;
import dev.leadflow.routing.decision.TeamState;
import dev.leadflow.routing.management.ModelChangeRejected;
import dev.leadflow.routing.management.ModelCollection;
import dev.leadflow.routing.management.ModelRequests;
import dev.leadflow.routing.management.ModelVersions;
import dev.leadflow.routing.model.InvalidRoutingModelException;
import dev.leadflow.routing.model.ModelDocument;
import dev.leadflow.routing.model.ModelDocuments;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a draft routing model over the last routed leads: reads the decisions (with the stored {@code lead.qualified}
 * each routed), the teams' distribution states and the reps' loads as they are now, and hands them to the pure
 * {@link Replay}. Reads only (a read-only transaction), locks nothing: routing goes on while a simulation runs.
 */
@ApplicationScoped
public class Simulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> CREDITS = new TypeReference<>() {
    };

    private final ModelVersions versions;
    private final RoutingDecisionRepository decisions;
    private final EntityManager entityManager;

    Simulator(ModelVersions versions, RoutingDecisionRepository decisions, EntityManager entityManager) {
        this.versions = versions;
        this.decisions = decisions;
        this.entityManager = entityManager;
    }

    /** What a simulation answers: the model version the draft was built on and compared with, and the replay. */
    public record Simulation(int baseVersion, String draft, int leadsRequested, Replay.Totals totals,
            List<Replay.OwnerCount> owners, List<Replay.ReplayedLead> leads) {
    }

    /**
     * @throws ModelChangeRejected 400 when the draft (or the current model with the draft's rules) breaks a rule
     */
    @Transactional
    public Simulation simulate(ModelRequests.Draft draft, int leads) {
        // PostgreSQL itself then refuses any write this transaction might attempt.
        entityManager.createNativeQuery("SET TRANSACTION READ ONLY").executeUpdate();
        ModelVersions.Stored current = versions.current();
        boolean rulesOnly = draft.document() == null;
        ModelDocument document = rulesOnly
                ? ModelCollection.RULES.replaceAll(current.document(), draft.rules()) : draft.document();
        RoutingEngine engine;
        try {
            engine = new RoutingEngine(ModelDocuments.toModel(document, current.version(), "draft"));
        } catch (InvalidRoutingModelException e) {
            throw ModelChangeRejected.invalidModel(e);
        }
        Replay.Result result = Replay.run(engine, lastRouted(leads), teamStates(), loads());
        return new Simulation(current.version(), rulesOnly ? "rules" : "document", leads, result.totals(),
                result.owners(), result.leads());
    }

    /** The last {@code count} decisions, oldest first. */
    private List<Replay.RoutedLead> lastRouted(int count) {
        List<RoutingDecisionEntity> newestFirst = decisions.findAll(Sort.descending("routedAt", "id"))
                .page(0, count).list();
        List<Replay.RoutedLead> leads = new ArrayList<>();
        for (RoutingDecisionEntity decision : newestFirst) {
            leads.add(new Replay.RoutedLead(decision.getLeadId(), decision.getRoutedAt(),
                    decision.getQualifiedLead() == null ? null : LeadRouter.leadOf(decision.getQualifiedLead()),
                    new Replay.Outcome(decision.getOwnerId(), decision.getOwnerType(), decision.getRuleId())));
        }
        Collections.reverse(leads);
        return leads;
    }

    private Map<String, TeamState> teamStates() {
        Map<String, TeamState> states = new HashMap<>();
        for (Object found : entityManager.createNativeQuery(
                "SELECT team_id, last_rep_id, credits::text FROM team_distribution").getResultList()) {
            Object[] row = (Object[]) found;
            try {
                states.put((String) row[0], new TeamState((String) row[1], JSON.readValue((String) row[2], CREDITS)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("team_distribution.credits of " + row[0] + " is not a credit map", e);
            }
        }
        return states;
    }

    private Map<String, Replay.LoadCounter> loads() {
        Map<String, Replay.LoadCounter> loads = new HashMap<>();
        for (Object found : entityManager.createNativeQuery(
                "SELECT rep_id, open_leads, day, day_count FROM rep_load").getResultList()) {
            Object[] row = (Object[]) found;
            LocalDate day = row[2] == null ? null
                    : row[2] instanceof LocalDate local ? local : ((Date) row[2]).toLocalDate();
            loads.put((String) row[0], new Replay.LoadCounter(((Number) row[1]).intValue(), day,
                    ((Number) row[3]).intValue()));
        }
        return loads;
    }
}
