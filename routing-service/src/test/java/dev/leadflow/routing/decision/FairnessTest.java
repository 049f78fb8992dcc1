package dev.leadflow.routing.decision;

import static dev.leadflow.routing.decision.Fixtures.MONDAY_10_UTC;
import static dev.leadflow.routing.decision.Fixtures.lead;
import static dev.leadflow.routing.decision.Fixtures.model;
import static dev.leadflow.routing.decision.Fixtures.rep;
import static dev.leadflow.routing.decision.Fixtures.rule;
import static dev.leadflow.routing.decision.Fixtures.toSales;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Distribution over many leads: routes them one after the other, carrying the team state and loads along. */
class FairnessTest {

    private static final Duration GAP = Duration.ofMinutes(1);

    /** Routes {@code leads} leads a minute apart from {@code start}, like the service does, and lists the owners. */
    private static final class Run {
        private final RoutingEngine engine;
        private TeamState state = TeamState.INITIAL;
        private final Map<String, RepLoad> loads = new HashMap<>();
        private final List<String> owners = new ArrayList<>();
        private Instant now = MONDAY_10_UTC;

        Run(List<Rep> reps, Distribution distribution) {
            engine = new RoutingEngine(model(reps, List.of(rule("all", toSales(distribution)))));
        }

        List<String> route(int leads) {
            List<String> these = new ArrayList<>();
            for (int i = 0; i < leads; i++) {
                RoutingDecision decision = engine.decide(engine.plan(lead().build()), loads, state, now);
                state = decision.teamStateAfter();
                String owner = decision.assignee().id();
                RepLoad load = loads.getOrDefault(owner, RepLoad.NONE);
                loads.put(owner, new RepLoad(load.openLeads() + 1, load.today() + 1));
                these.add(owner);
                now = now.plus(GAP);
            }
            owners.addAll(these);
            return these;
        }

        void close(String repId, int leads) {
            RepLoad load = loads.get(repId);
            loads.put(repId, new RepLoad(load.openLeads() - leads, load.today()));
        }
    }

    private static Map<String, Long> count(List<String> owners) {
        Map<String, Long> counts = new TreeMap<>();
        owners.forEach(owner -> counts.merge(owner, 1L, Long::sum));
        return counts;
    }

    @Test
    void roundRobinGivesEveryAvailableRepOneLeadPerRoundInModelOrder() {
        Run run = new Run(List.of(rep("alice").build(), rep("bob").build(), rep("carol").build()),
                Distribution.ROUND_ROBIN);

        assertThat(run.route(7)).containsExactly("alice", "bob", "carol", "alice", "bob", "carol", "alice");
    }

    @Test
    void roundRobinSkipsAnAbsentRepWhoResumesInTheirPlaceWithoutExtraTurns() {
        Instant back = MONDAY_10_UTC.plus(GAP.multipliedBy(4));
        Run run = new Run(List.of(rep("alice").build(), rep("bob").away(MONDAY_10_UTC, back).build(),
                rep("carol").build()), Distribution.ROUND_ROBIN);

        assertThat(run.route(4)).containsExactly("alice", "carol", "alice", "carol");
        assertThat(run.route(6)).containsExactly("alice", "bob", "carol", "alice", "bob", "carol");
    }

    @Test
    void weightedRoundRobinIsExactOverTime200To100To100() {
        Run run = new Run(List.of(rep("alice").weight(200).build(), rep("bob").build(), rep("carol").build()),
                Distribution.WEIGHTED_ROUND_ROBIN);

        List<String> owners = run.route(60);

        assertThat(count(owners)).isEqualTo(Map.of("alice", 30L, "bob", 15L, "carol", 15L));
        assertThat(owners.subList(0, 8)).as("smooth: interleaved, the same cycle again and again")
                .containsExactly("alice", "bob", "carol", "alice", "alice", "bob", "carol", "alice");
    }

    @Test
    void weightedRoundRobinIsExactInEveryCycleNotOnlyOnAverage() {
        Run run = new Run(List.of(rep("alice").weight(300).build(), rep("bob").weight(200).build(),
                rep("carol").weight(100).build()), Distribution.WEIGHTED_ROUND_ROBIN);

        for (int cycle = 0; cycle < 10; cycle++) {
            assertThat(count(run.route(6))).as("cycle %d", cycle)
                    .containsEntry("alice", 3L).containsEntry("bob", 2L).containsEntry("carol", 1L);
        }
    }

    /** Carol takes part in two leads, then is away for the next 38 (minutes 2 to 39). */
    private static Run carolAwayAfterTwoLeads() {
        Instant away = MONDAY_10_UTC.plus(GAP.multipliedBy(2));
        Instant back = MONDAY_10_UTC.plus(GAP.multipliedBy(40));
        return new Run(List.of(rep("alice").build(), rep("bob").build(), rep("carol").away(away, back).build()),
                Distribution.WEIGHTED_ROUND_ROBIN);
    }

    @Test
    void anAbsentRepEarnsNoCreditWhileAway() {
        Run run = carolAwayAfterTwoLeads();
        assertThat(run.route(2)).containsExactly("alice", "bob");
        long carolsCreditWhenLeaving = run.state.creditOf("carol");

        List<String> whileAway = run.route(38);

        assertThat(carolsCreditWhenLeaving).isEqualTo(200L);
        assertThat(whileAway).doesNotContain("carol");
        assertThat(run.state.creditOf("carol")).as("frozen, not grown").isEqualTo(carolsCreditWhenLeaving);
        assertThat(count(whileAway)).isEqualTo(Map.of("alice", 19L, "bob", 19L));
    }

    @Test
    void aRepBackFromAbsenceIsNeitherFloodedNorStarved() {
        Run run = carolAwayAfterTwoLeads();
        run.route(40);

        List<String> firstRound = run.route(3);
        List<String> after = run.route(30);

        assertThat(firstRound).as("not starved: a turn in the first round back").contains("carol");
        assertThat(count(firstRound)).as("not flooded: no catching up for the 38 leads missed")
                .isEqualTo(Map.of("alice", 1L, "bob", 1L, "carol", 1L));
        assertThat(count(after)).as("an equal share from then on")
                .isEqualTo(Map.of("alice", 10L, "bob", 10L, "carol", 10L));
    }

    @Test
    void roundRobinBackFromAbsenceGetsOneTurnPerRound() {
        Instant back = MONDAY_10_UTC.plus(GAP.multipliedBy(20));
        Run run = new Run(List.of(rep("alice").build(), rep("bob").away(MONDAY_10_UTC, back).build()),
                Distribution.ROUND_ROBIN);
        run.route(20);

        assertThat(count(run.route(10))).containsEntry("alice", 5L).containsEntry("bob", 5L);
    }

    @Test
    void leastLoadedPicksTheRepWithFewestOpenLeads() {
        Run run = new Run(List.of(rep("alice").build(), rep("bob").build(), rep("carol").build()),
                Distribution.LEAST_LOADED);
        run.loads.put("alice", new RepLoad(4, 0));
        run.loads.put("bob", new RepLoad(2, 0));
        run.loads.put("carol", new RepLoad(3, 0));

        // bob 2 -> 3; bob and carol tie on 3 open, carol has fewer today; bob 3 < 4; all on 4, alice has none today.
        assertThat(run.route(4)).containsExactly("bob", "carol", "bob", "alice");
    }

    @Test
    void leastLoadedBreaksTiesByTodaysCountThenInTurn() {
        Run run = new Run(List.of(rep("alice").build(), rep("bob").build(), rep("carol").build()),
                Distribution.LEAST_LOADED);
        run.loads.put("alice", new RepLoad(1, 5));
        run.loads.put("bob", new RepLoad(1, 2));
        run.loads.put("carol", new RepLoad(1, 2));

        assertThat(run.route(1)).as("bob and carol tie on today; bob comes first in turn").containsExactly("bob");
        run.loads.put("bob", new RepLoad(1, 2));
        assertThat(run.route(1)).as("still tied, now carol's turn after bob").containsExactly("carol");
    }

    @Test
    void leastLoadedFollowsClosedLeads() {
        Run run = new Run(List.of(rep("alice").build(), rep("bob").build()), Distribution.LEAST_LOADED);
        run.route(4);
        run.close("bob", 2);

        assertThat(run.route(2)).containsExactly("bob", "bob");
    }

    @Test
    void weightedRoundRobinReportsTheCreditThatWon() {
        Run run = new Run(List.of(rep("alice").weight(200).build(), rep("bob").build()),
                Distribution.WEIGHTED_ROUND_ROBIN);
        RoutingDecision decision = run.engine.decide(run.engine.plan(lead().build()), Map.of(), TeamState.INITIAL,
                MONDAY_10_UTC);

        assertThat(decision.reason()).isEqualTo("rule all: weighted round robin in team sales: alice has the most "
                + "credit (200, total weight 300) among 2 available of 2");
        assertThat(decision.teamStateAfter()).isEqualTo(new TeamState("alice", Map.of("alice", -100L, "bob", 100L)));
    }
}
