package dev.leadflow.routing.decision;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ways to pick one of a team's available members. Each returns the chosen rep, why, and the team state
 * to store. {@code members} are all the team's reps in model order; {@code available} the ones that can take the
 * lead now (a non-empty subset, same order).
 */
final class Distributions {

    private Distributions() {
    }

    record Pick(Rep rep, String why, TeamState stateAfter) {
    }

    static Pick pick(Distribution distribution, List<Rep> members, List<Rep> available, TeamState state,
            Map<String, RepLoad> loads) {
        return switch (distribution) {
            case ROUND_ROBIN -> roundRobin(members, available, state);
            case WEIGHTED_ROUND_ROBIN -> weighted(available, state);
            case LEAST_LOADED -> leastLoaded(members, available, state, loads);
        };
    }

    /**
     * The first available member after the one who got the last lead, in model order, wrapping around. Skipped reps
     * keep their place, so an absence neither resets the rotation nor gives the returning rep extra turns.
     */
    static Pick roundRobin(List<Rep> members, List<Rep> available, TeamState state) {
        List<Rep> order = inTurnOrder(members, available, state.lastRepId());
        Rep next = order.get(0);
        String why = state.lastRepId() == null || members.stream().noneMatch(m -> m.id().equals(state.lastRepId()))
                ? next.id() + " starts the rotation"
                : next.id().equals(state.lastRepId())
                        ? next.id() + " is the only available rep"
                        : next.id() + " follows " + state.lastRepId();
        return new Pick(next, why, new TeamState(next.id(), state.credits()));
    }

    /**
     * Smooth weighted round robin (as nginx): every available member earns its weight in credit, the richest takes
     * the lead (ties: model order) and pays the total weight of the available members. Over any run the leads follow
     * the weights exactly per cycle (200/100/100 gives a, b, c, a), and a rep who is unavailable earns nothing, so
     * coming back it holds the credit it left with: no backlog to flood it, no debt to starve it.
     */
    static Pick weighted(List<Rep> available, TeamState state) {
        Map<String, Long> credits = new HashMap<>(state.credits());
        long totalWeight = 0;
        Rep richest = null;
        for (Rep rep : available) {
            long credit = credits.getOrDefault(rep.id(), 0L) + rep.weight();
            credits.put(rep.id(), credit);
            totalWeight += rep.weight();
            if (richest == null || credit > credits.get(richest.id())) {
                richest = rep;
            }
        }
        long credit = credits.get(richest.id());
        credits.put(richest.id(), credit - totalWeight);
        return new Pick(richest, richest.id() + " has the most credit (" + credit + ", total weight " + totalWeight
                + ")", new TeamState(richest.id(), credits));
    }

    /** The available member with the fewest open leads; ties: fewest today, then in turn after the last one. */
    static Pick leastLoaded(List<Rep> members, List<Rep> available, TeamState state, Map<String, RepLoad> loads) {
        List<Rep> order = inTurnOrder(members, available, state.lastRepId());
        Rep least = order.stream()
                .min(Comparator.<Rep>comparingInt(rep -> load(loads, rep).openLeads())
                        .thenComparingInt(rep -> load(loads, rep).today())
                        .thenComparingInt(order::indexOf))
                .orElseThrow();
        return new Pick(least, least.id() + " has the fewest open leads (" + load(loads, least).openLeads() + ")",
                new TeamState(least.id(), state.credits()));
    }

    /** The available members, starting with the first one after {@code lastRepId} in model order. */
    private static List<Rep> inTurnOrder(List<Rep> members, List<Rep> available, String lastRepId) {
        int last = -1;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id().equals(lastRepId)) {
                last = i;
            }
        }
        int start = last + 1;
        return available.stream()
                .sorted(Comparator.comparingInt(rep -> Math.floorMod(members.indexOf(rep) - start, members.size())))
                .toList();
    }

    private static RepLoad load(Map<String, RepLoad> loads, Rep rep) {
        return loads.getOrDefault(rep.id(), RepLoad.NONE);
    }
}
