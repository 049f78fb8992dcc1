package dev.leadflow.routing.sla;

import dev.leadflow.routing.decision.Escalation;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RoutingModel;
import dev.leadflow.routing.decision.Rule;
import dev.leadflow.routing.decision.RuleAction;
import dev.leadflow.routing.decision.Team;
import java.util.Optional;

/** What a missed first-contact SLA does, by the rule's escalation. Pure: no framework. */
public final class EscalationPolicy {

    private EscalationPolicy() {
    }

    /** The escalation of the rule that routed the assignment; none when the rule is gone from the active model. */
    public static Escalation of(RoutingModel model, String ruleId) {
        return model.rules().stream().filter(rule -> rule.id().equals(ruleId)).findFirst()
                .map(Rule::escalation).orElse(Escalation.NONE);
    }

    /** Whether the breach of assignment number {@code reassignments} may route the lead once more. */
    public static boolean mayReassign(Escalation escalation, int reassignments) {
        return escalation.reassign() && reassignments < escalation.maxReassignments();
    }

    /**
     * The manager to notify: of the rule's team when it assigns to a team, otherwise of the owner's first team (in
     * the model's team order) that has one; empty when the escalation does not notify or nobody manages the team.
     */
    public static Optional<String> managerToNotify(RoutingModel model, String ruleId, String ownerId) {
        if (!of(model, ruleId).notifyManager()) {
            return Optional.empty();
        }
        Optional<Rule> rule = model.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst();
        if (rule.isPresent() && rule.get().action() instanceof RuleAction.ToTeam toTeam) {
            Optional<String> manager = model.team(toTeam.teamId()).map(Team::manager);
            if (manager.isPresent()) {
                return manager;
            }
        }
        Optional<Rep> owner = model.rep(ownerId);
        return model.teams().stream()
                .filter(team -> team.manager() != null && owner.map(rep -> rep.teams().contains(team.id())).orElse(false))
                .map(Team::manager).findFirst();
    }
}
