package dev.leadflow.routing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.OwnerType;
import dev.leadflow.routing.decision.Lead;
import dev.leadflow.routing.decision.RepLoad;
import dev.leadflow.routing.decision.RoutingDecision;
import dev.leadflow.routing.decision.RoutingEngine;
import dev.leadflow.routing.decision.RoutingModel;
import dev.leadflow.routing.decision.TeamState;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The demo seed is valid and sends the suites' qualifying leads to a rep at any hour, under any load. */
class DemoRoutingSeedTest {

    private static RoutingModel demo() throws Exception {
        try (InputStream yaml = DemoRoutingSeedTest.class.getResourceAsStream("/routing/demo-routing.yaml")) {
            return ModelDocuments.toModel(ModelDocuments.readYaml(yaml, "demo"), 1, "demo");
        }
    }

    private static Lead lead(String email, String company, String jobTitle, String country, String size) {
        return new Lead(email, company, jobTitle, country, null, null, size, null, 120, null, "demo-request", null,
                null, null, null);
    }

    @ParameterizedTest
    @CsvSource({
        "vp1@bench-corp-1.example, Bench Corp 1, VP Sales, US, 1000-4999, everyone-else",
        "vera1@enterprise-1.example, Enterprise 1, VP Engineering, DE, 1000-4999, dach-enterprise",
        "vera2@enterprise-2.example, Enterprise 2, VP Engineering, AT, 10000+, dach-enterprise",
        "ada@analytical-engines.example, Analytical Engines, VP Engineering, GB, 1000-4999, everyone-else",
        "grace@navy.example, Navy Labs, Chief Technology Officer, US, 5000-9999, everyone-else"})
    void routesTheSuitesQualifyingLeadsToARepAtEveryHourOfTheWeek(String email, String company, String title,
            String country, String size, String rule) throws Exception {
        RoutingEngine engine = new RoutingEngine(demo());
        // Thousands of leads already today: no capacity limit may turn one away.
        Map<String, RepLoad> heavy = Map.of("alice", new RepLoad(50_000, 50_000), "bob", new RepLoad(50_000, 50_000),
                "carol", new RepLoad(50_000, 50_000));
        for (Instant at = Instant.parse("2026-11-23T00:00:00Z"); at.isBefore(Instant.parse("2026-11-30T00:00:00Z"));
                at = at.plus(Duration.ofMinutes(37))) {
            RoutingDecision decision = engine.decide(engine.plan(lead(email, company, title, country, size)), heavy,
                    TeamState.INITIAL, at);

            assertThat(decision.assignee().type()).as("at %s", at).isEqualTo(OwnerType.REP);
            assertThat(decision.ruleId()).isEqualTo(rule);
            assertThat(decision.assignee()).as("available now, not held").extracting("heldUntil").isNull();
        }
    }

    @Test
    void sendsAnAcmeLeadToItsAccountOwner() throws Exception {
        RoutingEngine engine = new RoutingEngine(demo());

        RoutingDecision decision = engine.decide(engine.plan(lead("wile@acme.example", "ACME", "Engineer", "US",
                "51-200")), Map.of(), TeamState.INITIAL, Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(decision.assignee().id()).isEqualTo("carol");
        assertThat(decision.ruleId()).isEqualTo("account:acme");
    }

    @Test
    void sendsStudentsToTheNurtureQueue() throws Exception {
        RoutingEngine engine = new RoutingEngine(demo());

        RoutingDecision decision = engine.decide(engine.plan(lead("s@uni.example", "Uni", "Student", "BR", "1-10")),
                Map.of(), TeamState.INITIAL, Instant.parse("2026-11-23T10:00:00Z"));

        assertThat(decision.assignee().id()).isEqualTo("nurture");
        assertThat(decision.assignee().type()).isEqualTo(OwnerType.QUEUE);
    }
}
