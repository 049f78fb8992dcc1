package dev.leadflow.routing.decision;

import static dev.leadflow.routing.decision.Fixtures.MONDAY_10_UTC;
import static dev.leadflow.routing.decision.Fixtures.lead;
import static dev.leadflow.routing.decision.Fixtures.model;
import static dev.leadflow.routing.decision.Fixtures.officeHours;
import static dev.leadflow.routing.decision.Fixtures.rep;
import static dev.leadflow.routing.decision.Fixtures.rule;
import static dev.leadflow.routing.decision.Fixtures.toSales;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.events.OwnerType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingEngineTest {

    private static final Rep ALICE = rep("alice").build();
    private static final Rep BOB = rep("bob").build();
    private static final Rep CAROL = rep("carol").teams("emea").build();
    private static final Account ACME = new Account("acme", "Acme Inc.", Set.of("acme.example"), "carol");
    private static final Territory DACH = new Territory("dach", Set.of("DE", "AT", "CH"), Set.of(), List.of());
    private static final Instant BACK = Instant.parse("2026-11-25T08:00:00Z");

    private static RoutingDecision route(RoutingModel model, Lead lead) {
        return route(model, lead, Map.of(), TeamState.INITIAL);
    }

    private static RoutingDecision route(RoutingModel model, Lead lead, Map<String, RepLoad> loads, TeamState state) {
        RoutingEngine engine = new RoutingEngine(model);
        return engine.decide(engine.plan(lead), loads, state, MONDAY_10_UTC);
    }

    @Test
    void evaluatesRulesInOrderAndTheFirstMatchWins() {
        RoutingModel model = model(List.of(ALICE, BOB, CAROL), List.of(), List.of(DACH),
                List.of(rule("students", new RuleAction.ToQueue("nurture"), Condition.JobTitleMatches.of("student")),
                        rule("enterprise", toSales(Distribution.ROUND_ROBIN),
                                new Condition.FieldIn(LeadField.COMPANY_SIZE, Set.of("1000+"))),
                        rule("everyone", new RuleAction.ToQueue("general"))));

        RoutingDecision decision = route(model, lead().jobTitle("VP Sales").companySize("1000+").build());

        assertThat(decision.ruleId()).isEqualTo("enterprise");
        assertThat(decision.explanation().rules()).containsExactly(
                new RuleCheck("students", false, List.of("job title does not match /student/")),
                new RuleCheck("enterprise", true, List.of("companySize 1000+ in [1000+]")));
    }

    @Test
    void stopsEvaluatingARuleAtItsFirstFailingCondition() {
        RoutingModel model = model(List.of(ALICE), List.of(), List.of(DACH), List.of(
                rule("dach-enterprise", toSales(Distribution.ROUND_ROBIN), new Condition.InTerritory("dach"),
                        new Condition.FieldIn(LeadField.COMPANY_SIZE, Set.of("1000+"))),
                rule("everyone", toSales(Distribution.ROUND_ROBIN))));

        RoutingDecision decision = route(model, lead().country("GB").build());

        assertThat(decision.explanation().rules()).containsExactly(
                new RuleCheck("dach-enterprise", false, List.of("not in territory dach")),
                new RuleCheck("everyone", true, List.of("no conditions: matches every lead")));
    }

    @Test
    void usesTerritoriesAsRuleConditions() {
        RoutingModel model = model(List.of(ALICE, CAROL), List.of(), List.of(DACH), List.of(
                rule("dach", new RuleAction.ToTeam("emea", Distribution.ROUND_ROBIN), new Condition.InTerritory("dach")),
                rule("everyone", toSales(Distribution.ROUND_ROBIN))));

        assertThat(route(model, lead().country("DE").build()).assignee().id()).isEqualTo("carol");
        assertThat(route(model, lead().country("US").build()).assignee().id()).isEqualTo("alice");
    }

    @Test
    void sendsALeadNoRuleMatchesToTheDefaultQueue() {
        RoutingModel model = model(List.of(ALICE), List.of(rule("students", new RuleAction.ToQueue("nurture"),
                Condition.JobTitleMatches.of("student"))));

        RoutingDecision decision = route(model, lead().build());

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToQueue("unassigned"));
        assertThat(decision.assignee().type()).isEqualTo(OwnerType.QUEUE);
        assertThat(decision.ruleId()).isEqualTo(RoutingDecision.NO_RULE_MATCHED);
        assertThat(decision.reason()).isEqualTo("no rule matched: sent to default queue unassigned");
        assertThat(decision.firstContactSla()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void sendsALeadToTheQueueARuleNames() {
        RoutingModel model = model(List.of(ALICE), List.of(rule("students", new RuleAction.ToQueue("nurture"),
                Condition.JobTitleMatches.of("student"))));

        RoutingDecision decision = route(model, lead().jobTitle("Student").build());

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToQueue("nurture"));
        assertThat(decision.reason()).isEqualTo("rule students: sent to queue nurture");
        assertThat(decision.candidates()).isEmpty();
        assertThat(decision.teamStateAfter()).isNull();
    }

    @Test
    void assignsToTheRepARuleNamesWhenAvailable() {
        RoutingModel model = model(List.of(ALICE, BOB), List.of(rule("vip", new RuleAction.ToRep("bob"))));

        RoutingDecision decision = route(model, lead().build());

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToRep(BOB, null));
        assertThat(decision.reason()).isEqualTo("rule vip: assigned to bob, available");
    }

    @Test
    void carriesTheRulesFirstContactSlaOrTheModelDefault() {
        RoutingModel model = model(List.of(ALICE), List.of(new Rule("fast", List.of(
                new Condition.ScoreAtLeast(200)), toSales(Distribution.ROUND_ROBIN), null, Duration.ofMinutes(2)),
                rule("everyone", toSales(Distribution.ROUND_ROBIN))));

        assertThat(route(model, lead().score(250).build()).firstContactSla()).isEqualTo(Duration.ofMinutes(2));
        assertThat(route(model, lead().score(120).build()).firstContactSla()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void routesAnAccountLeadToItsOwnerBeforeAnyRule() {
        RoutingModel model = model(List.of(ALICE, BOB, CAROL), List.of(ACME), List.of(),
                List.of(rule("everyone", toSales(Distribution.ROUND_ROBIN))));

        RoutingDecision decision = route(model, lead().email("wile@acme.example").build());

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToRep(CAROL, null));
        assertThat(decision.ruleId()).isEqualTo("account:acme");
        assertThat(decision.reason()).isEqualTo("owner carol of account acme, available");
        assertThat(decision.explanation().account())
                .isEqualTo(new AccountCheck("acme", "carol", "email domain acme.example belongs to account acme"));
        assertThat(decision.teamStateAfter()).as("the team's turn is untouched").isNull();
    }

    @Test
    void holdsAnAccountLeadForItsOwnerWhoIsAwayUnderTheHoldPolicy() {
        Rep awayCarol = rep("carol").away(MONDAY_10_UTC.minusSeconds(60), BACK).build();
        RoutingModel model = model(List.of(ALICE, awayCarol), List.of(ACME), List.of(),
                List.of(rule("everyone", toSales(Distribution.ROUND_ROBIN))));

        RoutingDecision decision = route(model, lead().email("wile@acme.example").build());

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToRep(awayCarol, BACK));
        assertThat(decision.reason()).isEqualTo("owner carol of account acme, out of office until "
                + "2026-11-25T08:00:00Z: held for carol, first available at 2026-11-25T08:00:00Z");
    }

    @Test
    void sendsAnAccountLeadToTheRulesFallbackQueueWhenItsOwnerIsAway() {
        Rep awayCarol = rep("carol").away(MONDAY_10_UTC.minusSeconds(60), BACK).build();
        RoutingModel model = model(List.of(ALICE, awayCarol), List.of(ACME), List.of(), List.of(new Rule("everyone",
                List.of(), toSales(Distribution.ROUND_ROBIN), new WhenNoneAvailable.FallbackQueue("overflow"), null)));

        RoutingDecision decision = route(model, lead().email("wile@acme.example").build());

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToQueue("overflow"));
        assertThat(decision.ruleId()).isEqualTo("account:acme");
    }

    @Test
    void explainsEveryCandidateConsideredAndWhySkipped() {
        Rep away = rep("bob").away(MONDAY_10_UTC.minusSeconds(60), BACK).build();
        Rep asleep = rep("carol").hours(officeHours(Fixtures.NEW_YORK)).build();
        Rep full = rep("dave").capacity(3, null).build();
        Rep gone = rep("erin").inactive().build();
        RoutingModel model = model(List.of(ALICE, away, asleep, full, gone),
                List.of(rule("everyone", toSales(Distribution.ROUND_ROBIN))));

        RoutingDecision decision = route(model, lead().build(), Map.of("dave", new RepLoad(3, 0)), TeamState.INITIAL);

        assertThat(decision.explanation().candidates()).containsExactly(
                new CandidateCheck("alice", CandidateStatus.AVAILABLE, "available (0 open leads, 0 today)"),
                new CandidateCheck("bob", CandidateStatus.OUT_OF_OFFICE, "out of office until 2026-11-25T08:00:00Z"),
                new CandidateCheck("carol", CandidateStatus.OUTSIDE_HOURS,
                        "outside working hours (local time Mon 05:00 America/New_York)"),
                new CandidateCheck("dave", CandidateStatus.AT_CAPACITY, "at capacity: 3/3 open leads"),
                new CandidateCheck("erin", CandidateStatus.INACTIVE, "inactive"));
        assertThat(decision.candidates()).containsExactly("alice", "bob", "carol", "dave", "erin");
        assertThat(decision.assignee().id()).isEqualTo("alice");
        assertThat(decision.reason())
                .isEqualTo("rule everyone: round robin in team sales: alice starts the rotation among 1 available of 5");
        assertThat(decision.explanation().choice())
                .isEqualTo("round robin in team sales: alice starts the rotation among 1 available of 5");
        assertThat(decision.explanation().modelVersion()).isEqualTo(7);
    }

    @Test
    void holdsTheLeadForTheTeamMemberAvailableFirstWhenNobodyIsAvailable() {
        Rep backWednesday = rep("alice").away(MONDAY_10_UTC.minusSeconds(60), BACK).build();
        // Office hours in UTC: Monday 10:00 is open, so make bob's day end before it with a New York schedule.
        Rep backAt14 = rep("bob").hours(officeHours(Fixtures.NEW_YORK)).build();
        RoutingModel model = model(List.of(backWednesday, backAt14),
                List.of(rule("everyone", toSales(Distribution.ROUND_ROBIN))));

        RoutingDecision decision = route(model, lead().build(), Map.of(), new TeamState("alice", Map.of()));

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToRep(backAt14, Instant.parse("2026-11-23T14:00:00Z")));
        assertThat(decision.reason()).isEqualTo("rule everyone: nobody available in team sales (0 available of 2): "
                + "held for bob, first available at 2026-11-23T14:00:00Z");
        assertThat(decision.teamStateAfter()).as("no turn taken").isNull();
    }

    @Test
    void sendsTheLeadToTheRulesFallbackQueueWhenNobodyIsAvailable() {
        RoutingModel model = model(List.of(rep("alice").inactive().build()), List.of(new Rule("everyone", List.of(),
                toSales(Distribution.ROUND_ROBIN), new WhenNoneAvailable.FallbackQueue("overflow"), null)));

        RoutingDecision decision = route(model, lead().build());

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToQueue("overflow"));
        assertThat(decision.reason()).isEqualTo("rule everyone: nobody available in team sales (0 available of 1): "
                + "sent to fallback queue overflow");
    }

    @Test
    void neverDropsALeadWhenNobodyWillBecomeAvailable() {
        RoutingModel model = model(List.of(rep("alice").inactive().build(), rep("bob").capacity(1, null).build()),
                List.of(rule("everyone", toSales(Distribution.LEAST_LOADED))));

        RoutingDecision decision = route(model, lead().build(), Map.of("bob", new RepLoad(1, 0)), TeamState.INITIAL);

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToQueue("unassigned"));
        assertThat(decision.reason()).isEqualTo("rule everyone: nobody available in team sales (0 available of 2) "
                + "and nobody becomes available by time alone: sent to default queue unassigned");
    }

    @Test
    void holdsForTheFirstRepInOrderWhenSeveralComeBackAtOnce() {
        WorkingHours office = officeHours(ZoneOffset.UTC);
        RoutingModel model = model(List.of(rep("alice").hours(office).build(), rep("bob").hours(office).build()),
                List.of(rule("everyone", toSales(Distribution.ROUND_ROBIN))));
        RoutingEngine engine = new RoutingEngine(model);
        Instant saturday = Instant.parse("2026-11-28T12:00:00Z");

        RoutingDecision decision = engine.decide(engine.plan(lead().build()), Map.of(), TeamState.INITIAL, saturday);

        assertThat(decision.assignee())
                .isEqualTo(new Assignee.ToRep(model.reps().get(0), Instant.parse("2026-11-30T09:00:00Z")));
    }

    @Test
    void plansTheLocksTheDecisionNeeds() {
        RoutingModel model = model(List.of(BOB, ALICE, CAROL), List.of(ACME), List.of(), List.of(
                rule("students", new RuleAction.ToQueue("nurture"), Condition.JobTitleMatches.of("student")),
                rule("everyone", toSales(Distribution.ROUND_ROBIN))));
        RoutingEngine engine = new RoutingEngine(model);

        RoutingPlan team = engine.plan(lead().build());
        RoutingPlan account = engine.plan(lead().email("x@acme.example").build());
        RoutingPlan queue = engine.plan(lead().jobTitle("Student").build());

        assertThat(team.teamToLock()).contains("sales");
        assertThat(team.repsToLock()).as("in id order, to lock without deadlocks").containsExactly("alice", "bob");
        assertThat(account.teamToLock()).isEmpty();
        assertThat(account.repsToLock()).containsExactly("carol");
        assertThat(queue.repsToLock()).isEmpty();
        assertThat(queue.teamToLock()).isEmpty();
    }

    @Test
    void aReassignmentSkipsTheOwnersWhoMissedTheSlaAndTakesTheNextInTurn() {
        RoutingModel model = model(List.of(ALICE, BOB, CAROL), List.of(rule("everyone",
                toSales(Distribution.ROUND_ROBIN))));
        RoutingEngine engine = new RoutingEngine(model);

        RoutingDecision decision = engine.decide(engine.plan(lead().build()), Map.of(),
                new TeamState("alice", Map.of()), MONDAY_10_UTC, Set.of("bob"));

        assertThat(decision.assignee().id()).as("bob missed it, carol is in the team too but not in sales")
                .isEqualTo("alice");
        assertThat(decision.explanation().candidates()).contains(
                new CandidateCheck("bob", CandidateStatus.MISSED_SLA, "missed the first-contact SLA of this lead"));
    }

    @Test
    void aReassignmentNeverHoldsTheLeadForAnOwnerWhoMissedIt() {
        Rep away = rep("dora").away(MONDAY_10_UTC.minusSeconds(60), BACK).build();
        RoutingModel model = model(List.of(ALICE, away), List.of(new Rule("everyone", List.of(),
                toSales(Distribution.ROUND_ROBIN), new WhenNoneAvailable.Hold(), null)));
        RoutingEngine engine = new RoutingEngine(model);

        RoutingDecision decision = engine.decide(engine.plan(lead().build()), Map.of(), TeamState.INITIAL,
                MONDAY_10_UTC, Set.of("alice"));

        assertThat(decision.assignee()).isEqualTo(new Assignee.ToRep(away, BACK));
        RoutingDecision nobody = engine.decide(engine.plan(lead().build()), Map.of(), TeamState.INITIAL,
                MONDAY_10_UTC, Set.of("alice", "dora"));
        assertThat(nobody.assignee()).as("only those who missed it: nobody else becomes available")
                .isEqualTo(new Assignee.ToQueue("unassigned"));
    }

    @Test
    void aReassignmentOfANamedRepsLeadFindsNobodyElse() {
        RoutingModel model = model(List.of(ALICE, BOB), List.of(rule("vip", new RuleAction.ToRep("alice"))));
        RoutingEngine engine = new RoutingEngine(model);

        RoutingDecision decision = engine.decide(engine.plan(lead().build()), Map.of(), TeamState.INITIAL,
                MONDAY_10_UTC, Set.of("alice"));

        assertThat(decision.assignee().type()).isEqualTo(OwnerType.QUEUE);
        assertThat(decision.explanation().candidates()).extracting(CandidateCheck::status)
                .containsExactly(CandidateStatus.MISSED_SLA);
    }

    @Test
    void withoutExclusionsDecidesAsBefore() {
        RoutingModel model = model(List.of(ALICE, BOB), List.of(rule("everyone", toSales(Distribution.ROUND_ROBIN))));
        RoutingEngine engine = new RoutingEngine(model);
        RoutingPlan plan = engine.plan(lead().build());

        assertThat(engine.decide(plan, Map.of(), TeamState.INITIAL, MONDAY_10_UTC, Set.of()))
                .isEqualTo(engine.decide(plan, Map.of(), TeamState.INITIAL, MONDAY_10_UTC));
    }
}
