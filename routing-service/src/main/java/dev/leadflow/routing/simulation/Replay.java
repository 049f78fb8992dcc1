package dev.leadflow.routing.simulation;

import dev.leadflow.routing.decision.Assignee;
import dev.leadflow.routing.decision.Lead;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RepLoad;
import dev.leadflow.routing.decision.RoutingDecision;
import dev.leadflow.routing.decision.RoutingEngine;
import dev.leadflow.routing.decision.RoutingPlan;
import dev.leadflow.routing.decision.TeamState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Replays routed leads through a draft model, in memory: the same two engine steps as {@code LeadRouter} (plan, then
 * decide with the team's state and the reps' loads), with counters that start from the given ones and move as the
 * draft assigns, and availability judged at each lead's original {@code routedAt}. Pure: nothing is stored, nothing
 * is published; the caller's maps are not changed.
 */
public final class Replay {

    private Replay() {
    }

    /** A routed lead as stored: what routing knew ({@code lead}: null when not stored) and today's outcome. */
    public record RoutedLead(UUID leadId, Instant routedAt, Lead lead, Outcome today) {
    }

    /** Who owns a lead ({@code ownerType} rep or queue) and by which rule. */
    public record Outcome(String ownerId, String ownerType, String ruleId) {
    }

    /** A rep's stored load: open leads, and the leads of its local calendar {@code day}. */
    public record LoadCounter(int openLeads, LocalDate day, int dayCount) {

        static final LoadCounter NONE = new LoadCounter(0, null, 0);

        RepLoad at(Rep rep, Instant instant) {
            return new RepLoad(openLeads, rep.localDate(instant).equals(day) ? dayCount : 0);
        }

        LoadCounter plusOne(Rep rep, Instant instant) {
            LocalDate today = rep.localDate(instant);
            return new LoadCounter(openLeads + 1, today, today.equals(day) ? dayCount + 1 : 1);
        }
    }

    /** One replayed lead: {@code changed} when the draft gives it another owner. */
    public record ReplayedLead(UUID leadId, Instant routedAt, Outcome today, Outcome draft, boolean changed) {
    }

    /** How many of the replayed leads an owner has today and would have with the draft. */
    public record OwnerCount(String ownerId, String ownerType, int today, int draft) {
    }

    /** {@code leads}: decisions read; {@code replayed} + {@code skipped} (no stored input) = {@code leads}. */
    public record Totals(int leads, int replayed, int skipped, int changed) {
    }

    public record Result(List<ReplayedLead> leads, List<OwnerCount> owners, Totals totals) {
    }

    /**
     * @param leads oldest first
     * @param teamStates each team's distribution state to start from (a team not in it starts fresh)
     * @param loads each rep's load to start from (a rep not in it has none)
     */
    public static Result run(RoutingEngine draft, List<RoutedLead> leads, Map<String, TeamState> teamStates,
            Map<String, LoadCounter> loads) {
        Map<String, TeamState> teams = new HashMap<>(teamStates);
        Map<String, LoadCounter> counters = new HashMap<>(loads);
        List<ReplayedLead> replayed = new ArrayList<>();
        Map<String, int[]> perOwner = new HashMap<>();
        int skipped = 0;
        int changed = 0;
        for (RoutedLead routed : leads) {
            if (routed.lead() == null) {
                skipped++;
                continue;
            }
            Outcome outcome = route(draft, routed, teams, counters);
            boolean differs = !Objects.equals(outcome.ownerId(), routed.today().ownerId())
                    || !Objects.equals(outcome.ownerType(), routed.today().ownerType());
            changed += differs ? 1 : 0;
            replayed.add(new ReplayedLead(routed.leadId(), routed.routedAt(), routed.today(), outcome, differs));
            perOwner.computeIfAbsent(key(routed.today()), k -> new int[2])[0]++;
            perOwner.computeIfAbsent(key(outcome), k -> new int[2])[1]++;
        }
        // Reps before queues, each by id.
        List<OwnerCount> owners = perOwner.entrySet().stream()
                .map(entry -> {
                    String[] typeAndId = entry.getKey().split(":", 2);
                    return new OwnerCount(typeAndId[1], typeAndId[0], entry.getValue()[0], entry.getValue()[1]);
                })
                .sorted(Comparator.comparing(OwnerCount::ownerType, Comparator.reverseOrder())
                        .thenComparing(OwnerCount::ownerId))
                .toList();
        return new Result(replayed, owners, new Totals(leads.size(), replayed.size(), skipped, changed));
    }

    private static Outcome route(RoutingEngine draft, RoutedLead routed, Map<String, TeamState> teams,
            Map<String, LoadCounter> counters) {
        Instant at = routed.routedAt();
        RoutingPlan plan = draft.plan(routed.lead());
        Optional<String> team = plan.teamToLock();
        TeamState state = team.map(id -> teams.getOrDefault(id, TeamState.INITIAL)).orElse(TeamState.INITIAL);
        Map<String, RepLoad> repLoads = new HashMap<>();
        for (String repId : plan.repsToLock()) {
            Rep rep = draft.model().rep(repId).orElseThrow();
            repLoads.put(repId, counters.getOrDefault(repId, LoadCounter.NONE).at(rep, at));
        }
        RoutingDecision decision = draft.decide(plan, repLoads, state, at);
        if (team.isPresent() && decision.teamStateAfter() != null) {
            teams.put(team.get(), decision.teamStateAfter());
        }
        // As LeadRouter: a lead held for a rep counts in that rep's load at once.
        if (decision.assignee() instanceof Assignee.ToRep toRep) {
            counters.put(toRep.rep().id(),
                    counters.getOrDefault(toRep.rep().id(), LoadCounter.NONE).plusOne(toRep.rep(), at));
        }
        return new Outcome(decision.assignee().id(), decision.assignee().type(), decision.ruleId());
    }

    private static String key(Outcome outcome) {
        return outcome.ownerType() + ":" + outcome.ownerId();
    }
}
