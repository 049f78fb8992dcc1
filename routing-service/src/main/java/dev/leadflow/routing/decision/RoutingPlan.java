package dev.leadflow.routing.decision;

import java.util.List;
import java.util.Optional;

/**
 * Step one of routing, which needs no counters: the account step and the rules say where the lead should go.
 * {@code rule} is the first matching rule, or null when none matched. The caller then locks the counters the
 * target needs ({@link #teamToLock()}, {@link #repsToLock()}) and asks the engine to {@link RoutingEngine#decide}.
 */
public record RoutingPlan(AccountCheck account, List<RuleCheck> rules, Rule rule, Target target) {

    public RoutingPlan {
        rules = List.copyOf(rules);
    }

    public Optional<String> teamToLock() {
        return target instanceof Target.TeamMember team ? Optional.of(team.team().id()) : Optional.empty();
    }

    /** The reps whose load the decision reads and changes, in id order (the order to lock them in). */
    public List<String> repsToLock() {
        if (target instanceof Target.NamedRep named) {
            return List.of(named.rep().id());
        }
        if (target instanceof Target.TeamMember team) {
            return team.members().stream().map(Rep::id).sorted().toList();
        }
        return List.of();
    }

    /** Where the account step and the rules send the lead, before availability is known. */
    public sealed interface Target {

        /** One rep: a rule's named rep, or the matched account's owner ({@code accountId} not null). */
        record NamedRep(Rep rep, String accountId) implements Target {
        }

        /** One of a team's members, chosen by the distribution. */
        record TeamMember(Team team, Distribution distribution, List<Rep> members) implements Target {

            public TeamMember {
                members = List.copyOf(members);
            }
        }

        /** A queue. */
        record Queue(String queue) implements Target {
        }
    }
}
