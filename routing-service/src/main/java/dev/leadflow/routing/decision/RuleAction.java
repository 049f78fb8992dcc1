package dev.leadflow.routing.decision;

/** Where a matching rule sends the lead. */
public sealed interface RuleAction {

    /** To one named rep. */
    record ToRep(String repId) implements RuleAction {
    }

    /** To a member of a team, chosen by the distribution. */
    record ToTeam(String teamId, Distribution distribution) implements RuleAction {
    }

    /** To a queue that someone works through (no rep yet). */
    record ToQueue(String queue) implements RuleAction {
    }
}
