package dev.leadflow.routing.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.routing.decision.Lead;
import dev.leadflow.routing.decision.RoutingEngine;
import dev.leadflow.routing.decision.TeamState;
import dev.leadflow.routing.model.ModelDocuments;
import dev.leadflow.routing.simulation.Replay.LoadCounter;
import dev.leadflow.routing.simulation.Replay.Outcome;
import dev.leadflow.routing.simulation.Replay.OwnerCount;
import dev.leadflow.routing.simulation.Replay.ReplayedLead;
import dev.leadflow.routing.simulation.Replay.RoutedLead;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The replay over fixed lists of routed leads, without a database. */
class ReplayTest {

    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Outcome TODAY_ANNA = new Outcome("anna", "rep", "old-rule");
    private static final RoutingEngine DRAFT = engine("""
            teams: [{id: sales}]
            reps:
              - {id: anna, name: Anna, email: anna@corp.example, teams: [sales]}
              - {id: ben, name: Ben, email: ben@corp.example, teams: [sales],
                 outOfOffice: [{from: "2026-11-23T11:00:00Z", until: "2026-11-23T12:00:00Z"}]}
              - {id: cleo, name: Cleo, email: cleo@corp.example, teams: [sales], maxPerDay: 2}
            rules:
              - {id: students, when: {jobTitle: student}, assignTo: {queue: nurture}}
              - {id: sales, assignTo: {team: sales}}
            """);

    private static RoutingEngine engine(String yaml) {
        return new RoutingEngine(ModelDocuments.toModel(ModelDocuments.readYaml(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "draft"), 9, "draft"));
    }

    private static Lead lead(String jobTitle) {
        return new Lead("ada@analytical.example", "Analytical", jobTitle, "GB", null, null, "1000+", "software", 120,
                null, "demo-request", null, null, null, false);
    }

    private static RoutedLead routed(Instant at, String jobTitle, Outcome today) {
        return new RoutedLead(UUID.randomUUID(), at, lead(jobTitle), today);
    }

    private static List<String> draftOwners(Replay.Result result) {
        return result.leads().stream().map(lead -> lead.draft().ownerId()).toList();
    }

    @Test
    void continuesTheRotationFromTheTeamsCurrentState() {
        List<RoutedLead> leads = List.of(routed(MONDAY_10, "CTO", TODAY_ANNA),
                routed(MONDAY_10.plusSeconds(60), "CTO", TODAY_ANNA),
                routed(MONDAY_10.plusSeconds(120), "CTO", TODAY_ANNA));

        Replay.Result result = Replay.run(DRAFT, leads, Map.of("sales", new TeamState("anna", Map.of())), Map.of());

        assertThat(draftOwners(result)).containsExactly("ben", "cleo", "anna");
        assertThat(result.leads()).extracting(lead -> lead.draft().ruleId()).containsOnly("sales");
    }

    @Test
    void startsATeamWithoutStateFromTheBeginning() {
        Replay.Result result = Replay.run(DRAFT, List.of(routed(MONDAY_10, "CTO", TODAY_ANNA)), Map.of(), Map.of());

        assertThat(draftOwners(result)).containsExactly("anna");
    }

    @Test
    void judgesAvailabilityAtEachLeadsOriginalRoutingTime() {
        // ben is out of office from 11:00 to 12:00 on the day these leads were routed.
        List<RoutedLead> leads = List.of(routed(MONDAY_10.plusSeconds(3600 + 1800), "CTO", TODAY_ANNA),
                routed(MONDAY_10.plusSeconds(3 * 3600), "CTO", TODAY_ANNA));

        Replay.Result result = Replay.run(DRAFT, leads, Map.of("sales", new TeamState("anna", Map.of())), Map.of());

        assertThat(draftOwners(result)).containsExactly("cleo", "anna");
    }

    @Test
    void countsTheDraftsAssignmentsAgainstCapacityStartingFromTodaysLoads() {
        // cleo may take 2 leads a day and already has 1 on 2026-11-23.
        Map<String, LoadCounter> loads = Map.of("cleo", new LoadCounter(5, LocalDate.of(2026, 11, 23), 1));
        List<RoutedLead> leads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            leads.add(routed(MONDAY_10.plusSeconds(60L * i), "CTO", TODAY_ANNA));
        }
        leads.add(routed(MONDAY_10.plusSeconds(24 * 3600), "CTO", TODAY_ANNA));
        leads.add(routed(MONDAY_10.plusSeconds(24 * 3600 + 60), "CTO", TODAY_ANNA));

        Replay.Result result = Replay.run(DRAFT, leads, Map.of("sales", new TeamState("ben", Map.of())), loads);

        // Monday: cleo takes her one remaining lead, then is skipped; Tuesday her day count starts again.
        assertThat(draftOwners(result)).containsExactly("cleo", "anna", "ben", "anna", "ben", "anna", "ben", "cleo");
    }

    @Test
    void countsDecisionsWithoutTheirStoredInputAsSkipped() {
        List<RoutedLead> leads = List.of(new RoutedLead(UUID.randomUUID(), MONDAY_10, null, TODAY_ANNA),
                routed(MONDAY_10.plusSeconds(60), "CTO", TODAY_ANNA));

        Replay.Result result = Replay.run(DRAFT, leads, Map.of(), Map.of());

        assertThat(result.totals()).isEqualTo(new Replay.Totals(2, 1, 1, 0));
        assertThat(result.leads()).extracting(ReplayedLead::leadId).containsExactly(leads.get(1).leadId());
    }

    @Test
    void comparesEachLeadsOwnerAndCountsPerOwner() {
        List<RoutedLead> leads = List.of(
                routed(MONDAY_10, "CTO", TODAY_ANNA),
                routed(MONDAY_10.plusSeconds(60), "student", TODAY_ANNA),
                routed(MONDAY_10.plusSeconds(120), "CTO", new Outcome("unassigned", "queue", "no-rule-matched")));

        Replay.Result result = Replay.run(DRAFT, leads, Map.of(), Map.of());

        assertThat(result.leads()).extracting(ReplayedLead::draft).containsExactly(
                new Outcome("anna", "rep", "sales"), new Outcome("nurture", "queue", "students"),
                new Outcome("ben", "rep", "sales"));
        assertThat(result.leads()).extracting(ReplayedLead::changed).containsExactly(false, true, true);
        assertThat(result.leads().get(0).today()).isEqualTo(TODAY_ANNA);
        assertThat(result.leads().get(0).routedAt()).isEqualTo(MONDAY_10);
        assertThat(result.owners()).containsExactly(
                new OwnerCount("anna", "rep", 2, 1),
                new OwnerCount("ben", "rep", 0, 1),
                new OwnerCount("nurture", "queue", 0, 1),
                new OwnerCount("unassigned", "queue", 1, 0));
        assertThat(result.totals()).isEqualTo(new Replay.Totals(3, 3, 0, 2));
    }

    @Test
    void aLeadToTheSameOwnerByAnotherRuleIsNotAChange() {
        Replay.Result result = Replay.run(DRAFT, List.of(routed(MONDAY_10, "CTO",
                new Outcome("anna", "rep", "account:acme"))), Map.of(), Map.of());

        assertThat(result.leads().get(0).changed()).isFalse();
        assertThat(result.leads().get(0).draft().ruleId()).isEqualTo("sales");
    }

    @Test
    void leavesTheCountersItStartedFromUntouched() {
        Map<String, TeamState> teams = new HashMap<>(Map.of("sales", new TeamState("anna", Map.of())));
        Map<String, LoadCounter> loads = new HashMap<>(Map.of("ben", new LoadCounter(3, null, 0)));
        Map<String, TeamState> teamsBefore = Map.copyOf(teams);
        Map<String, LoadCounter> loadsBefore = Map.copyOf(loads);

        Replay.run(DRAFT, List.of(routed(MONDAY_10, "CTO", TODAY_ANNA), routed(MONDAY_10, "CTO", TODAY_ANNA)),
                teams, loads);

        assertThat(teams).isEqualTo(teamsBefore);
        assertThat(loads).isEqualTo(loadsBefore);
    }

    @Test
    void replaysNothingFromAnEmptyList() {
        Replay.Result result = Replay.run(DRAFT, List.of(), Map.of(), Map.of());

        assertThat(result.leads()).isEmpty();
        assertThat(result.owners()).isEmpty();
        assertThat(result.totals()).isEqualTo(new Replay.Totals(0, 0, 0, 0));
    }
}
