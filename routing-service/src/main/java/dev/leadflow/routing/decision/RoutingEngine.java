package dev.leadflow.routing.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a lead with one {@link RoutingModel}, in two pure steps: {@link #plan} (account matching, then the rules in
 * order, first match wins) and {@link #decide} (availability and fairness, given the counters and {@code now}).
 * A lead is never dropped: no rule matched, nobody available and nobody coming back all end in a queue.
 */
public final class RoutingEngine {

    private static final WhenNoneAvailable DEFAULT_POLICY = new WhenNoneAvailable.Hold();

    private final RoutingModel model;

    public RoutingEngine(RoutingModel model) {
        this.model = model;
    }

    public RoutingModel model() {
        return model;
    }

    /** Where the lead should go before availability: the account owner, or the first matching rule's target. */
    public RoutingPlan plan(Lead lead) {
        AccountCheck account = AccountMatcher.match(lead, model.accounts(), model.freeMailDomains());
        Map<String, Territory> territories = model.territoriesById();
        List<RuleCheck> checks = new ArrayList<>();
        Rule matched = null;
        for (Rule rule : model.rules()) {
            List<String> outcomes = new ArrayList<>();
            boolean all = true;
            for (Condition condition : rule.conditions()) {
                Condition.Check check = condition.check(lead, territories);
                outcomes.add(check.explanation());
                if (!check.matched()) {
                    // The first failing condition decides; the rest would only add noise to the explanation.
                    all = false;
                    break;
                }
            }
            if (rule.conditions().isEmpty()) {
                outcomes.add("no conditions: matches every lead");
            }
            checks.add(new RuleCheck(rule.id(), all, outcomes));
            if (all) {
                matched = rule;
                break;
            }
        }
        Optional<Rep> owner = account.matched() ? model.rep(account.ownerRepId()) : Optional.empty();
        RoutingPlan.Target target;
        if (owner.isPresent()) {
            target = new RoutingPlan.Target.NamedRep(owner.get(), account.accountId());
        } else if (matched == null) {
            target = new RoutingPlan.Target.Queue(model.defaultQueue());
        } else {
            target = targetOf(matched.action());
        }
        return new RoutingPlan(account, checks, matched, target);
    }

    private RoutingPlan.Target targetOf(RuleAction action) {
        // The model's loader checked every reference, so a missing rep or team here is a programming error.
        if (action instanceof RuleAction.ToRep toRep) {
            return new RoutingPlan.Target.NamedRep(model.rep(toRep.repId()).orElseThrow(), null);
        }
        if (action instanceof RuleAction.ToTeam toTeam) {
            return new RoutingPlan.Target.TeamMember(model.team(toTeam.teamId()).orElseThrow(),
                    toTeam.distribution(), model.members(toTeam.teamId()));
        }
        return new RoutingPlan.Target.Queue(((RuleAction.ToQueue) action).queue());
    }

    /**
     * Chooses the owner. {@code loads} must hold the counters of {@link RoutingPlan#repsToLock()} (a missing rep
     * counts as no load) and {@code teamState} the state of {@link RoutingPlan#teamToLock()} (ignored otherwise).
     */
    public RoutingDecision decide(RoutingPlan plan, Map<String, RepLoad> loads, TeamState teamState, Instant now) {
        return decide(plan, loads, teamState, now, Set.of());
    }

    /**
     * As {@link #decide(RoutingPlan, Map, TeamState, Instant)}, but the reps in {@code excluded} (the owners who
     * missed the lead's first-contact SLA) are skipped as {@link CandidateStatus#MISSED_SLA} and never held for.
     */
    public RoutingDecision decide(RoutingPlan plan, Map<String, RepLoad> loads, TeamState teamState, Instant now,
            Set<String> excluded) {
        Rule rule = plan.rule();
        String ruleId = rule == null ? RoutingDecision.NO_RULE_MATCHED : rule.id();
        Duration sla = rule == null || rule.firstContactSla() == null
                ? model.defaultFirstContactSla() : rule.firstContactSla();
        WhenNoneAvailable policy = rule == null || rule.whenNoneAvailable() == null
                ? DEFAULT_POLICY : rule.whenNoneAvailable();
        if (plan.target() instanceof RoutingPlan.Target.Queue queue) {
            String choice = rule == null
                    ? "no rule matched: sent to default queue " + queue.queue()
                    : "sent to queue " + queue.queue();
            return decision(new Assignee.ToQueue(queue.queue()), ruleId, prefixed(rule, choice), sla, List.of(), plan,
                    choice, null);
        }
        if (plan.target() instanceof RoutingPlan.Target.NamedRep named) {
            boolean ofAccount = named.accountId() != null;
            String decidingId = ofAccount ? RoutingDecision.ACCOUNT_PREFIX + named.accountId() : ruleId;
            String who = ofAccount
                    ? "owner " + named.rep().id() + " of account " + named.accountId()
                    : "assigned to " + named.rep().id();
            String prefix = ofAccount ? "" : "rule " + ruleId + ": ";
            CandidateCheck check = check(named.rep(), loads, now, excluded);
            if (check.available()) {
                String choice = who + ", available";
                return decision(new Assignee.ToRep(named.rep(), null), decidingId, prefix + choice, sla,
                        List.of(check), plan, choice, null);
            }
            return unavailable(plan, decidingId, prefix, who + ", " + check.detail(), sla, policy,
                    notExcluded(List.of(named.rep()), excluded), List.of(check), loads, now);
        }
        RoutingPlan.Target.TeamMember team = (RoutingPlan.Target.TeamMember) plan.target();
        List<CandidateCheck> checks = team.members().stream()
                .map(rep -> check(rep, loads, now, excluded)).toList();
        List<Rep> available = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (checks.get(i).available()) {
                available.add(team.members().get(i));
            }
        }
        String pool = available.size() + " available of " + team.members().size();
        if (!available.isEmpty()) {
            Distributions.Pick pick = Distributions.pick(team.distribution(), team.members(), available, teamState,
                    loads);
            String choice = team.distribution().label() + " in team " + team.team().id() + ": " + pick.why()
                    + " among " + pool;
            return decision(new Assignee.ToRep(pick.rep(), null), ruleId, prefixed(rule, choice), sla, checks, plan,
                    choice, pick.stateAfter());
        }
        // Nobody took a turn, so the team's state stays as it was.
        return unavailable(plan, ruleId, "rule " + ruleId + ": ",
                "nobody available in team " + team.team().id() + " (" + pool + ")", sla, policy,
                notExcluded(team.members(), excluded), checks, loads, now);
    }

    /** The rule's policy when the target's reps cannot take the lead now. */
    private RoutingDecision unavailable(RoutingPlan plan, String ruleId, String prefix, String situation,
            Duration sla, WhenNoneAvailable policy, List<Rep> candidates, List<CandidateCheck> checks,
            Map<String, RepLoad> loads, Instant now) {
        if (policy instanceof WhenNoneAvailable.FallbackQueue fallback) {
            String choice = situation + ": sent to fallback queue " + fallback.queue();
            return decision(new Assignee.ToQueue(fallback.queue()), ruleId, prefix + choice, sla, checks, plan,
                    choice, null);
        }
        Optional<Held> first = candidates.stream()
                .flatMap(rep -> Availability.nextAvailable(rep, load(loads, rep), now).map(at -> new Held(rep, at))
                        .stream())
                .min(Comparator.comparing(Held::at).thenComparingInt(held -> candidates.indexOf(held.rep())));
        if (first.isPresent()) {
            String choice = situation + ": held for " + first.get().rep().id() + ", first available at "
                    + first.get().at();
            return decision(new Assignee.ToRep(first.get().rep(), first.get().at()), ruleId, prefix + choice, sla,
                    checks, plan, choice, null);
        }
        String choice = situation + " and nobody becomes available by time alone: sent to default queue "
                + model.defaultQueue();
        return decision(new Assignee.ToQueue(model.defaultQueue()), ruleId, prefix + choice, sla, checks, plan, choice,
                null);
    }

    private record Held(Rep rep, Instant at) {
    }

    private static CandidateCheck check(Rep rep, Map<String, RepLoad> loads, Instant now, Set<String> excluded) {
        return excluded.contains(rep.id())
                ? new CandidateCheck(rep.id(), CandidateStatus.MISSED_SLA, "missed the first-contact SLA of this lead")
                : Availability.check(rep, load(loads, rep), now);
    }

    /** The reps a lead may wait for: never one who already missed its SLA. */
    private static List<Rep> notExcluded(List<Rep> reps, Set<String> excluded) {
        return reps.stream().filter(rep -> !excluded.contains(rep.id())).toList();
    }

    private RoutingDecision decision(Assignee assignee, String ruleId, String reason, Duration sla,
            List<CandidateCheck> checks, RoutingPlan plan, String choice, TeamState stateAfter) {
        List<String> candidates = checks.stream().map(CandidateCheck::repId).toList();
        return new RoutingDecision(assignee, ruleId, reason, sla, candidates,
                new Explanation(model.version(), plan.account(), plan.rules(), checks, choice), stateAfter);
    }

    private static String prefixed(Rule rule, String choice) {
        return rule == null ? choice : "rule " + rule.id() + ": " + choice;
    }

    private static RepLoad load(Map<String, RepLoad> loads, Rep rep) {
        return loads.getOrDefault(rep.id(), RepLoad.NONE);
    }
}
