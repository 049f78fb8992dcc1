package dev.leadflow.routing.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RepLoad;
import dev.leadflow.routing.decision.TeamState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routing counters in PostgreSQL, so they survive restarts and are shared by every routing instance: each team's
 * distribution state ({@code team_distribution}) and each rep's load ({@code rep_load}). A routing transaction locks
 * its team row first, then its reps' rows in id order ({@code SELECT ... FOR UPDATE}), and holds them until commit:
 * instances routing in parallel to the same team take turns (no double assignment, no lost turn), and the fixed
 * lock order rules out deadlocks between teams that share reps.
 */
@ApplicationScoped
public class DistributionCounters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> CREDITS = new TypeReference<>() {
    };

    private final EntityManager entityManager;

    DistributionCounters(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Locks the team's row until the transaction ends and returns its distribution state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TeamState lockTeam(String teamId) {
        List<?> rows = selectTeamForUpdate(teamId);
        if (rows.isEmpty()) {
            // First lead of a new team: create its row (another instance may race to do the same), then lock it.
            entityManager.createNativeQuery("INSERT INTO team_distribution (team_id) VALUES (?1) ON CONFLICT DO NOTHING")
                    .setParameter(1, teamId).executeUpdate();
            rows = selectTeamForUpdate(teamId);
        }
        Object[] row = (Object[]) rows.get(0);
        try {
            return new TeamState((String) row[0], JSON.readValue((String) row[1], CREDITS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("team_distribution.credits of " + teamId + " is not a credit map", e);
        }
    }

    private List<?> selectTeamForUpdate(String teamId) {
        return entityManager.createNativeQuery(
                        "SELECT last_rep_id, credits::text FROM team_distribution WHERE team_id = ?1 FOR UPDATE")
                .setParameter(1, teamId).getResultList();
    }

    /** Stores the team's new state; call only while holding its lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void saveTeam(String teamId, TeamState state) {
        try {
            entityManager.createNativeQuery("""
                            UPDATE team_distribution SET last_rep_id = ?1, credits = CAST(?2 AS jsonb),
                                   updated_at = clock_timestamp() WHERE team_id = ?3""")
                    .setParameter(1, state.lastRepId())
                    .setParameter(2, JSON.writeValueAsString(state.credits()))
                    .setParameter(3, teamId)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a credit map always serialises", e);
        }
    }

    /**
     * Locks the reps' rows in id order (one statement: PostgreSQL locks the sorted rows one after the other) and
     * returns their loads at {@code now}: today's count is the one of the rep's own calendar day, zero once that day
     * has passed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, RepLoad> lockLoads(List<Rep> reps, Instant now) {
        if (reps.isEmpty()) {
            return Map.of();
        }
        List<String> ids = reps.stream().map(Rep::id).sorted().toList();
        List<?> rows = selectLoadsForUpdate(ids);
        if (rows.size() < ids.size()) {
            // Reps routed to for the first time: create their rows, then lock all of them in order.
            for (String id : ids) {
                entityManager.createNativeQuery("INSERT INTO rep_load (rep_id) VALUES (?1) ON CONFLICT DO NOTHING")
                        .setParameter(1, id).executeUpdate();
            }
            rows = selectLoadsForUpdate(ids);
        }
        Map<String, Rep> byId = new HashMap<>();
        reps.forEach(rep -> byId.put(rep.id(), rep));
        Map<String, RepLoad> loads = new HashMap<>();
        for (Object found : rows) {
            Object[] row = (Object[]) found;
            Rep rep = byId.get((String) row[0]);
            LocalDate day = row[2] == null ? null : toLocalDate(row[2]);
            int today = rep.localDate(now).equals(day) ? ((Number) row[3]).intValue() : 0;
            loads.put(rep.id(), new RepLoad(((Number) row[1]).intValue(), today));
        }
        return loads;
    }

    private List<?> selectLoadsForUpdate(List<String> idsInOrder) {
        return entityManager.createNativeQuery("""
                        SELECT rep_id, open_leads, day, day_count FROM rep_load
                        WHERE rep_id IN (:ids) ORDER BY rep_id FOR UPDATE""")
                .setParameter("ids", idsInOrder).getResultList();
    }

    /** Counts a new lead for the rep: one more open, one more on the rep's local day of {@code now}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAssignment(Rep rep, Instant now) {
        LocalDate day = rep.localDate(now);
        entityManager.createNativeQuery("""
                        UPDATE rep_load SET open_leads = open_leads + 1,
                               day_count = CASE WHEN day = ?1 THEN day_count + 1 ELSE 1 END, day = ?1,
                               updated_at = clock_timestamp() WHERE rep_id = ?2""")
                .setParameter(1, day)
                .setParameter(2, rep.id())
                .executeUpdate();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof LocalDate local ? local : ((Date) value).toLocalDate();
    }
}
