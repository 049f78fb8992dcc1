package dev.leadflow.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.routing.decision.Capacity;
import dev.leadflow.routing.decision.Distribution;
import dev.leadflow.routing.decision.Escalation;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RoutingModel;
import dev.leadflow.routing.decision.Rule;
import dev.leadflow.routing.decision.RuleAction;
import dev.leadflow.routing.decision.Team;
import dev.leadflow.routing.decision.WorkingHours;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    private static final Escalation NOTIFY = new Escalation(true, false, 0);
    private static final Escalation NOTIFY_AND_REASSIGN_TWICE = new Escalation(true, true, 2);

    private static final RoutingModel MODEL = new RoutingModel(1,
            List.of(rep("alice", "emea", "dach"), rep("bob", "apac"), rep("carol", "emea")),
            List.of(new Team("emea", "EMEA", "lena@corp.example"), new Team("dach", "DACH", "alice"),
                    new Team("apac", "APAC")),
            List.of(), List.of(),
            List.of(new Rule("dach-hot", List.of(), new RuleAction.ToTeam("dach", Distribution.ROUND_ROBIN), null,
                            null, NOTIFY_AND_REASSIGN_TWICE),
                    new Rule("apac", List.of(), new RuleAction.ToTeam("apac", Distribution.ROUND_ROBIN), null, null,
                            NOTIFY),
                    new Rule("vip", List.of(), new RuleAction.ToRep("carol"), null, null, NOTIFY),
                    new Rule("quiet", List.of(), new RuleAction.ToRep("carol"), null, null)),
            "unassigned", Duration.ofMinutes(5), Set.of());

    @Test
    void takesTheEscalationOfTheRuleThatRoutedTheAssignment() {
        assertThat(EscalationPolicy.of(MODEL, "dach-hot")).isEqualTo(NOTIFY_AND_REASSIGN_TWICE);
        assertThat(EscalationPolicy.of(MODEL, "quiet")).isEqualTo(Escalation.NONE);
        assertThat(EscalationPolicy.of(MODEL, "removed-since")).isEqualTo(Escalation.NONE);
        assertThat(EscalationPolicy.of(MODEL, "no-rule-matched")).isEqualTo(Escalation.NONE);
    }

    @Test
    void reassignsUpToTheRulesMaximumThenStops() {
        assertThat(EscalationPolicy.mayReassign(NOTIFY_AND_REASSIGN_TWICE, 0)).isTrue();
        assertThat(EscalationPolicy.mayReassign(NOTIFY_AND_REASSIGN_TWICE, 1)).isTrue();
        assertThat(EscalationPolicy.mayReassign(NOTIFY_AND_REASSIGN_TWICE, 2)).isFalse();
        assertThat(EscalationPolicy.mayReassign(NOTIFY, 0)).as("notify only").isFalse();
        assertThat(EscalationPolicy.mayReassign(Escalation.NONE, 0)).isFalse();
    }

    @Test
    void notifiesTheManagerOfTheRulesTeam() {
        assertThat(EscalationPolicy.managerToNotify(MODEL, "dach-hot", "carol")).contains("alice");
    }

    @Test
    void notifiesTheManagerOfTheOwnersFirstManagedTeamWhenTheRuleNamesARep() {
        assertThat(EscalationPolicy.managerToNotify(MODEL, "vip", "carol")).contains("lena@corp.example");
    }

    @Test
    void notifiesNobodyWhenTheTeamHasNoManagerOrTheRuleDoesNotNotify() {
        assertThat(EscalationPolicy.managerToNotify(MODEL, "apac", "bob")).isEmpty();
        assertThat(EscalationPolicy.managerToNotify(MODEL, "quiet", "carol")).isEmpty();
        assertThat(EscalationPolicy.managerToNotify(MODEL, "vip", "gone-rep")).isEmpty();
    }

    private static Rep rep(String id, String... teams) {
        return new Rep(id, id, id + "@corp.example", null, Set.of(teams), 100, Capacity.UNLIMITED,
                WorkingHours.always(ZoneOffset.UTC), List.of(), true);
    }
}
