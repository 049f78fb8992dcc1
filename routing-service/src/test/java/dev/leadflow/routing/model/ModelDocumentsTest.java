package dev.leadflow.routing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.leadflow.routing.decision.Condition;
import dev.leadflow.routing.decision.Distribution;
import dev.leadflow.routing.decision.Escalation;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RoutingModel;
import dev.leadflow.routing.decision.RuleAction;
import dev.leadflow.routing.decision.WhenNoneAvailable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDocumentsTest {

    private static RoutingModel model(String yaml) {
        return ModelDocuments.toModel(document(yaml), 3, "test.yaml");
    }

    private static ModelDocument document(String yaml) {
        return ModelDocuments.readYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static List<String> errorsOf(String yaml) {
        return catchThrowableOfType(InvalidRoutingModelException.class, () -> model(yaml)).errors();
    }

    private static final String FULL = """
            defaultQueue: inbox
            defaultFirstContactSla: PT10M
            freeMailDomains: [GMail.com]
            teams:
              - id: emea
                name: EMEA
                manager: lena@corp.example
              - id: dach
                manager: anna
            reps:
              - id: anna
                name: Anna Berg
                email: anna@corp.example
                bookingLink: https://meet.example/anna
                teams: [emea]
                weight: 150
                maxOpenLeads: 40
                maxPerDay: 12
                timeZone: Europe/Berlin
                workingHours:
                  monday: ["09:00-12:00", "13:00-17:30"]
                  friday: ["09:00-24:00"]
                outOfOffice:
                  - from: 2026-12-24T00:00:00Z
                    until: 2027-01-02T00:00:00Z
              - id: ben
                name: Ben Ode
                email: ben@corp.example
                teams: [emea]
                active: false
            accounts:
              - id: acme
                name: Acme Inc.
                domains: [ACME.example]
                owner: anna
            territories:
              - id: berlin
                countries: [de]
                postalCodes: ["10000-14999", "99999"]
            rules:
              - id: berlin-hot
                when:
                  territory: berlin
                  companySize: [1000+]
                  jobTitle: '\\bvp\\b'
                  minScore: 150
                  utmSource: [linkedin]
                assignTo:
                  team: emea
                  distribution: least-loaded
                whenNoneAvailable: queue
                fallbackQueue: emea-overflow
                firstContactSla: PT2M
                escalation:
                  notify: manager
                  reassign: true
                  maxReassignments: 2
              - id: vip
                escalation: {notify: manager}
                assignTo:
                  rep: anna
              - id: rest
                assignTo:
                  queue: general
            """;

    @Test
    void readsEveryPartOfTheModel() {
        RoutingModel model = model(FULL);

        assertThat(model.version()).isEqualTo(3);
        assertThat(model.defaultQueue()).isEqualTo("inbox");
        assertThat(model.defaultFirstContactSla()).isEqualTo(Duration.ofMinutes(10));
        assertThat(model.freeMailDomains()).containsExactly("gmail.com");
        Rep anna = model.rep("anna").orElseThrow();
        assertThat(anna.weight()).isEqualTo(150);
        assertThat(anna.capacity().maxOpenLeads()).isEqualTo(40);
        assertThat(anna.capacity().maxPerDay()).isEqualTo(12);
        assertThat(anna.bookingLink()).isEqualTo("https://meet.example/anna");
        assertThat(anna.workingHours().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(anna.workingHours().days().get(DayOfWeek.MONDAY)).hasSize(2);
        assertThat(anna.workingHours().days().get(DayOfWeek.FRIDAY).get(0).end()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(anna.workingHours().days()).doesNotContainKey(DayOfWeek.SUNDAY);
        assertThat(anna.absenceAt(Instant.parse("2026-12-25T12:00:00Z"))).isPresent();
        assertThat(model.rep("ben").orElseThrow().active()).isFalse();
        assertThat(model.rep("ben").orElseThrow().weight()).as("default weight").isEqualTo(100);
        assertThat(model.rep("ben").orElseThrow().workingHours().isOpenAt(Instant.parse("2026-11-29T03:00:00Z")))
                .as("no working hours: always").isTrue();
        assertThat(model.members("emea")).extracting(Rep::id).containsExactly("anna", "ben");
        assertThat(model.accounts().get(0).domains()).containsExactly("acme.example");
        assertThat(model.territories().get(0).countries()).containsExactly("DE");
        assertThat(model.territories().get(0).postalCodes()).hasSize(2);
        assertThat(model.rules()).extracting(rule -> rule.id()).containsExactly("berlin-hot", "vip", "rest");
        assertThat(model.rules().get(0).conditions()).hasSize(5).first().isEqualTo(new Condition.InTerritory("berlin"));
        assertThat(model.rules().get(0).action()).isEqualTo(new RuleAction.ToTeam("emea", Distribution.LEAST_LOADED));
        assertThat(model.rules().get(0).whenNoneAvailable())
                .isEqualTo(new WhenNoneAvailable.FallbackQueue("emea-overflow"));
        assertThat(model.rules().get(0).firstContactSla()).isEqualTo(Duration.ofMinutes(2));
        assertThat(model.rules().get(1).action()).isEqualTo(new RuleAction.ToRep("anna"));
        assertThat(model.rules().get(1).whenNoneAvailable()).isEqualTo(new WhenNoneAvailable.Hold());
        assertThat(model.rules().get(2).action()).isEqualTo(new RuleAction.ToQueue("general"));
        assertThat(model.team("emea").orElseThrow().manager()).isEqualTo("lena@corp.example");
        assertThat(model.team("dach").orElseThrow().manager()).as("a rep id").isEqualTo("anna");
        assertThat(model.rules().get(0).escalation()).isEqualTo(new Escalation(true, true, 2));
        assertThat(model.rules().get(1).escalation()).isEqualTo(new Escalation(true, false, 0));
        assertThat(model.rules().get(2).escalation()).as("none given").isEqualTo(Escalation.NONE);
    }

    @Test
    void reassignsOnceByDefault() {
        RoutingModel model = model("""
                teams: [{id: t}]
                reps: [{id: r, name: R, email: r@x.example, teams: [t]}]
                rules: [{id: all, assignTo: {team: t}, escalation: {reassign: true}}]
                """);

        assertThat(model.rules().get(0).escalation()).isEqualTo(new Escalation(false, true, 1));
        assertThat(model.team("t").orElseThrow().manager()).isNull();
    }

    @Test
    void namesEveryBrokenEscalationAndManager() {
        assertThat(errorsOf("""
                teams: [{id: t, manager: nobody}, {id: u, manager: "not@an"}]
                reps: [{id: r, name: R, email: r@x.example, teams: [t, u]}]
                rules:
                  - {id: a, assignTo: {team: t}, escalation: {notify: ceo}}
                  - {id: b, assignTo: {team: t}, escalation: {maxReassignments: 2}}
                  - {id: c, assignTo: {team: t}, escalation: {reassign: true, maxReassignments: 0}}
                  - {id: d, assignTo: {team: t}, escalation: {reassign: true, maxReassignments: 11}}
                """)).containsExactly(
                "teams[0] (t).manager: 'nobody' is neither a rep id nor an email address",
                "teams[1] (u).manager: 'not@an' is neither a rep id nor an email address",
                "rules[0] (a).escalation.notify: 'ceo' is not manager",
                "rules[1] (b).escalation.maxReassignments: only applies with reassign: true",
                "rules[2] (c).escalation.maxReassignments: must be between 1 and 10",
                "rules[3] (d).escalation.maxReassignments: must be between 1 and 10");
    }

    @Test
    void survivesTheTripThroughStoredJson() {
        ModelDocument document = document(FULL);

        ModelDocument stored = ModelDocuments.fromJson(ModelDocuments.toJson(document));

        assertThat(stored).isEqualTo(document);
        assertThat(ModelDocuments.toModel(stored, 3, "stored").rules())
                .hasSameSizeAs(ModelDocuments.toModel(document, 3, "seed").rules());
    }

    @Test
    void appliesDefaultsToAMinimalModel() {
        RoutingModel model = model("""
                teams: [{id: t}]
                reps: [{id: r, name: R, email: r@x.example, teams: [t]}]
                rules: [{id: all, assignTo: {team: t}}]
                """);

        assertThat(model.defaultQueue()).isEqualTo("unassigned");
        assertThat(model.defaultFirstContactSla()).isEqualTo(Duration.ofMinutes(5));
        assertThat(model.team("t").orElseThrow().name()).isEqualTo("t");
        assertThat(model.rules().get(0).action()).isEqualTo(new RuleAction.ToTeam("t", Distribution.ROUND_ROBIN));
        assertThat(model.rep("r").orElseThrow().capacity().maxOpenLeads()).isNull();
    }

    @Test
    void namesTheItemAndFieldOfEveryErrorInOneGo() {
        List<String> errors = errorsOf("""
                teams: [{id: t}, {id: t}]
                reps:
                  - {id: r, name: R, email: not-an-email, teams: [t, nope], weight: 0, maxPerDay: 0,
                     timeZone: Mars/Olympus, bookingLink: ftp://x,
                     workingHours: {funday: ["09:00-17:00"], monday: ["18:00-09:00", "9-5"]},
                     outOfOffice: [{from: 2026-12-24T00:00:00Z, until: 2026-12-01T00:00:00Z}, {from: soon, until: later}]}
                  - {name: Nameless, email: n@x.example}
                accounts: [{id: a, name: A, owner: ghost}]
                territories: [{id: empty}, {id: bad, countries: [Germany], postalCodes: ["200-10"]}]
                rules:
                  - {id: x, when: {territory: atlantis, jobTitle: "(unclosed"}, assignTo: {team: t, rep: r}}
                  - {id: y, assignTo: {team: ghosts, distribution: random}}
                  - {id: z, assignTo: {queue: q}, whenNoneAvailable: queue, firstContactSla: 5 minutes}
                  - {id: z, assignTo: {rep: r}, whenNoneAvailable: later, fallbackQueue: q}
                  - {id: w}
                defaultFirstContactSla: PT0S
                """);

        assertThat(errors).containsExactlyInAnyOrder(
                "teams[1] (t).id: 't' is used twice",
                "reps[0] (r).email: is not an email address",
                "reps[0] (r).bookingLink: must be an http(s) URL",
                "reps[0] (r).teams: no team 'nope'",
                "reps[0] (r).weight: must be at least 1",
                "reps[0] (r).maxPerDay: must be at least 1 (leave it out for no limit)",
                "reps[0] (r).timeZone: 'Mars/Olympus' is not an IANA time zone",
                "reps[0] (r).workingHours.funday: is not a weekday (monday..sunday)",
                "reps[0] (r).workingHours.monday: '18:00-09:00' is not a window HH:MM-HH:MM ending after it starts",
                "reps[0] (r).workingHours.monday: '9-5' is not a window HH:MM-HH:MM ending after it starts",
                "reps[0] (r).outOfOffice[0].until: must be after from",
                "reps[0] (r).outOfOffice[1].from: 'soon' is not an ISO-8601 instant such as 2026-12-24T00:00:00Z",
                "reps[0] (r).outOfOffice[1].until: 'later' is not an ISO-8601 instant such as 2026-12-24T00:00:00Z",
                "reps[1].id: is required",
                "accounts[0] (a).owner: no rep 'ghost'",
                "territories[0] (empty): needs countries, regions or postalCodes",
                "territories[1] (bad).countries: 'GERMANY' is not an ISO 3166-1 alpha-2 code",
                "territories[1] (bad).postalCodes: '200-10': a postal-code range needs from <= to of the same length",
                "rules[0] (x).when.territory: no territory 'atlantis'",
                "rules[0] (x).when.jobTitle: '(unclosed' is not a regular expression: Unclosed group",
                "rules[0] (x).assignTo: needs exactly one of rep, team or queue",
                "rules[1] (y).assignTo.distribution: 'random' is not round-robin, weighted-round-robin or least-loaded",
                "rules[1] (y).assignTo.team: no team 'ghosts'",
                "rules[2] (z).fallbackQueue: is required",
                "rules[2] (z).firstContactSla: '5 minutes' is not an ISO-8601 duration such as PT5M",
                "rules[3] (z).id: 'z' is used twice",
                "rules[3] (z).whenNoneAvailable: 'later' is not hold or queue",
                "rules[4] (w).assignTo: is required: one of rep, team or queue",
                "defaultFirstContactSla: must be at least 1 second");
    }

    @Test
    void rejectsATeamRuleWhoseTeamHasNoReps() {
        assertThat(errorsOf("""
                teams: [{id: t}, {id: empty}]
                reps: [{id: r, name: R, email: r@x.example, teams: [t]}]
                rules: [{id: all, assignTo: {team: empty}}]
                """)).containsExactly("rules[0] (all).assignTo.team: team 'empty' has no reps");
    }

    @Test
    void rejectsAFallbackQueueWithoutTheQueuePolicyAndADistributionWithoutATeam() {
        assertThat(errorsOf("""
                reps: [{id: r, name: R, email: r@x.example}]
                rules: [{id: all, assignTo: {rep: r, distribution: round-robin}, fallbackQueue: q}]
                """)).containsExactly("rules[0] (all).assignTo.distribution: only applies to a team",
                "rules[0] (all).fallbackQueue: only applies with whenNoneAvailable: queue");
    }

    @Test
    void namesAnUnknownFieldWithItsPath() {
        assertThatThrownBy(() -> document("""
                reps:
                  - id: r
                    wieght: 3
                """)).isInstanceOf(InvalidRoutingModelException.class)
                .hasMessageContaining("reps[0].wieght: Unrecognized field \"wieght\"");
    }

    @Test
    void rejectsAnEmptyDocument() {
        assertThatThrownBy(() -> document("")).isInstanceOf(InvalidRoutingModelException.class)
                .hasMessageContaining("the document is empty");
    }
}
