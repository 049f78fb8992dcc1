package dev.leadflow.routing.decision;

import java.util.Map;

/**
 * A team's distribution memory: the rep who got its last lead (round robin, tie-breaks) and each member's credit
 * in smooth weighted round robin. Stored by the caller between routings and locked while one is under way.
 */
public record TeamState(String lastRepId, Map<String, Long> credits) {

    public static final TeamState INITIAL = new TeamState(null, Map.of());

    public TeamState {
        credits = Map.copyOf(credits);
    }

    public long creditOf(String repId) {
        return credits.getOrDefault(repId, 0L);
    }
}
