package dev.leadflow.routing.management;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.routing.decision.Rep;
import dev.leadflow.routing.decision.RoutingModel;
import dev.leadflow.routing.model.RoutingModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management API over HTTP on the real stack: every change is checked as a whole and stored as a new version. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class ModelManagementTest {

    private static final String DAVE = """
            {"name": "Dave Kim", "email": "dave@leadflow.example", "bookingLink": "https://meet.leadflow.example/dave",
             "teams": ["demo"], "weight": 50, "maxOpenLeads": 30, "maxPerDay": 8, "timeZone": "Asia/Tokyo",
             "workingHours": {"monday": ["09:00-12:00", "13:00-18:00"]},
             "outOfOffice": [{"from": "2026-12-24T00:00:00Z", "until": "2027-01-02T00:00:00Z"}]}""";

    @Inject
    RoutingModels models;
    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToTheSeed() {
        SeedModel.restore(entityManager, models);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(TestTokens.viewer());
    }

    private RoutingModel activeModel() {
        return QuarkusTransaction.requiringNew().call(() -> models.active().model());
    }

    @Test
    void listsEachCollectionWithTheModelVersionAsETag() {
        viewer().get("/api/v1/reps").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("items.id", contains("alice", "bob", "carol"))
                .body("items[0].weight", equalTo(200))
                .body("items[0].maxOpenLeads", nullValue());
        viewer().get("/api/v1/teams").then().statusCode(200).body("items.id", contains("demo", "dach"));
        viewer().get("/api/v1/accounts").then().statusCode(200).body("items[0].owner", equalTo("carol"));
        viewer().get("/api/v1/territories").then().statusCode(200).body("items[0].countries", contains("DE", "AT", "CH"));
        viewer().get("/api/v1/routing/rules").then().statusCode(200)
                .body("items.id", contains("students-to-nurture", "dach-enterprise", "everyone-else"));
    }

    @Test
    void readsOneItemAndAnswers404ForAnUnknownOne() {
        viewer().get("/api/v1/teams/dach").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("id", equalTo("dach"))
                .body("name", equalTo("DACH enterprise"));
        viewer().get("/api/v1/routing/rules/everyone-else").then().statusCode(200)
                .body("assignTo.team", equalTo("demo"));
        viewer().get("/api/v1/reps/nobody").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("No rep 'nobody' in the routing model"));
    }

    @Test
    void createsARepWithEverythingEditedThroughItAsANewVersionUsedAtOnce() {
        admin().contentType(ContentType.JSON).body(DAVE).put("/api/v1/reps/dave").then().statusCode(201)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("id", equalTo("dave"))
                .body("weight", equalTo(50))
                .body("workingHours.monday", contains("09:00-12:00", "13:00-18:00"))
                .body("outOfOffice[0].until", equalTo("2027-01-02T00:00:00Z"));

        viewer().get("/api/v1/reps").then().body("items.id", contains("alice", "bob", "carol", "dave"));
        RoutingModel active = activeModel();
        assertThat(active.version()).isEqualTo(2);
        Rep dave = active.rep("dave").orElseThrow();
        assertThat(dave.capacity().maxPerDay()).isEqualTo(8);
        assertThat(dave.outOfOffice()).singleElement()
                .satisfies(absence -> assertThat(absence.covers(Instant.parse("2026-12-25T00:00:00Z"))).isTrue());
        assertThat(active.members("demo")).extracting(Rep::id).containsExactly("alice", "bob", "carol", "dave");
    }

    @Test
    void replacesARepInPlaceAndDeactivatesIt() {
        admin().contentType(ContentType.JSON).body("""
                        {"id": "bob", "name": "Bob Chen", "email": "bob@leadflow.example", "teams": ["demo", "dach"],
                         "timeZone": "America/New_York", "active": false}""")
                .put("/api/v1/reps/bob").then().statusCode(200)
                .body("version", equalTo(2))
                .body("active", equalTo(false));

        viewer().get("/api/v1/reps").then().body("items.id", contains("alice", "bob", "carol"));
        assertThat(activeModel().rep("bob").orElseThrow().active()).isFalse();
    }

    @Test
    void recordsWhoChangedWhatInTheVersionHistory() {
        admin().contentType(ContentType.JSON).body(DAVE).put("/api/v1/reps/dave").then().statusCode(201);
        admin().delete("/api/v1/accounts/acme").then().statusCode(200).body("version", equalTo(3));

        viewer().get("/api/v1/routing/model/versions").then().statusCode(200)
                .body("versions.version", contains(3, 2, 1))
                .body("versions[0].summary", equalTo("delete account acme"))
                .body("versions[0].changedBy", equalTo("test-user"))
                .body("versions[0].source", equalTo("api"))
                .body("versions[1].summary", equalTo("put rep dave"))
                .body("versions[2].source", equalTo("classpath:routing/demo-routing.yaml"))
                .body("versions[2].changedBy", nullValue())
                .body("versions[2].createdAt", notNullValue());
    }

    @Test
    void storesNoVersionForAChangeThatChangesNothing() {
        admin().contentType(ContentType.JSON).body("{\"name\": \"DACH enterprise\", \"manager\": \"alice\"}")
                .put("/api/v1/teams/dach")
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));

        viewer().get("/api/v1/routing/model/versions").then().body("versions", hasSize(1));
    }

    @Test
    void refusesAChangeThatBreaksTheModelNamingTheItemAndField() {
        admin().contentType(ContentType.JSON)
                .body("{\"name\": \"Dave\", \"email\": \"dave@leadflow.example\", \"teams\": [\"apac\"], \"weight\": 0}")
                .put("/api/v1/reps/dave").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/validation"))
                .body("errors.field", containsInAnyOrder("reps[3] (dave).teams", "reps[3] (dave).weight"))
                .body("errors.find { it.field == 'reps[3] (dave).teams' }.rule", equalTo("reference"))
                .body("errors.find { it.field == 'reps[3] (dave).teams' }.message", equalTo("no team 'apac'"))
                .body("errors.find { it.field == 'reps[3] (dave).weight' }.message", equalTo("must be at least 1"));

        viewer().get("/api/v1/reps").then().header("ETag", "\"1\"").body("items.id", contains("alice", "bob", "carol"));
    }

    @Test
    void refusesAMalformedBodyNamingTheField() {
        admin().contentType(ContentType.JSON).body("{\"name\": \"Dave\", \"wieght\": 5}").put("/api/v1/reps/dave")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("wieght"))
                .body("errors[0].rule", equalTo("known-field"));
        admin().contentType(ContentType.JSON).body("{\"id\": \"eve\", \"name\": \"Eve\"}").put("/api/v1/reps/dave")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].rule", equalTo("matches-path"));
        admin().contentType(ContentType.JSON).body("{not json").put("/api/v1/teams/apac")
                .then().statusCode(400).body("errors[0].rule", equalTo("syntax"));
    }

    @Test
    void refusesToDeleteWhatOtherItemsStillReferTo() {
        admin().delete("/api/v1/reps/carol").then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("errors.field", hasItem("accounts[0] (acme).owner"))
                .body("errors.find { it.field == 'accounts[0] (acme).owner' }.message", equalTo("no rep 'carol'"));
        admin().delete("/api/v1/teams/dach").then().statusCode(409)
                .body("errors.field", contains("reps[0] (alice).teams", "reps[1] (bob).teams",
                        "rules[1] (dach-enterprise).assignTo.team"))
                .body("errors.rule", contains("reference", "reference", "reference"));
        admin().delete("/api/v1/territories/dach").then().statusCode(409)
                .body("errors.field", contains("rules[1] (dach-enterprise).when.territory"));

        viewer().get("/api/v1/routing/model/versions").then().body("versions", hasSize(1));
    }

    @Test
    void deletesWhatNothingRefersTo() {
        admin().delete("/api/v1/accounts/acme").then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2));

        viewer().get("/api/v1/accounts/acme").then().statusCode(404);
        admin().delete("/api/v1/accounts/acme").then().statusCode(404).contentType("application/problem+json");
        assertThat(activeModel().accounts()).isEmpty();
    }

    @Test
    void refusesAChangeBuiltOnAnOlderVersionWith412() {
        admin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\": \"Demo\"}")
                .put("/api/v1/teams/demo").then().statusCode(200).header("ETag", "\"2\"");

        admin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"name\": \"APAC\"}")
                .put("/api/v1/teams/apac").then().statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412))
                .body("title", equalTo("Precondition Failed"));
        admin().header("If-Match", "\"1\"").delete("/api/v1/accounts/acme").then().statusCode(412);
        viewer().get("/api/v1/teams/apac").then().statusCode(404);

        admin().contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"name\": \"APAC\"}")
                .put("/api/v1/teams/apac").then().statusCode(201).header("ETag", "\"3\"");
    }

    @Test
    void replacesTheOrderedRulesWhole() {
        // What a GET answered may be sent back as it is.
        String current = viewer().get("/api/v1/routing/rules").then().extract().asString();
        admin().contentType(ContentType.JSON).body(current).put("/api/v1/routing/rules")
                .then().statusCode(200).body("version", equalTo(1));

        admin().contentType(ContentType.JSON).body("""
                        [{"id": "everyone-else", "assignTo": {"team": "demo", "distribution": "least-loaded"}},
                         {"id": "never-reached", "when": {"country": ["DE"]}, "assignTo": {"queue": "dach"}}]""")
                .put("/api/v1/routing/rules").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("items.id", contains("everyone-else", "never-reached"));

        assertThat(activeModel().rules()).extracting(rule -> rule.id()).containsExactly("everyone-else",
                "never-reached");
        admin().contentType(ContentType.JSON).body("[{\"id\": \"x\", \"assignTo\": {\"team\": \"nope\"}}]")
                .put("/api/v1/routing/rules").then().statusCode(400)
                .body("errors[0].field", equalTo("rules[0] (x).assignTo.team"))
                .body("errors[0].message", equalTo("no team 'nope'"));
    }

    @Test
    void appendsANewRuleAndReplacesOneInPlace() {
        admin().contentType(ContentType.JSON).body("{\"assignTo\": {\"queue\": \"overflow\"}}")
                .put("/api/v1/routing/rules/catch-all").then().statusCode(201);
        admin().contentType(ContentType.JSON).body("{\"when\": {\"jobTitle\": \"student\"}, \"assignTo\": {\"queue\": \"edu\"}}")
                .put("/api/v1/routing/rules/students-to-nurture").then().statusCode(200).body("version", equalTo(3));

        viewer().get("/api/v1/routing/rules").then()
                .body("items.id", contains("students-to-nurture", "dach-enterprise", "everyone-else", "catch-all"))
                .body("items[0].assignTo.queue", equalTo("edu"));
        admin().delete("/api/v1/routing/rules/catch-all").then().statusCode(200).body("version", equalTo(4));
    }

    @Test
    void readsAndReplacesTheWholeModelInJsonOrYaml() {
        viewer().get("/api/v1/routing/model").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("defaultQueue", equalTo("unassigned"))
                .body("reps.id", contains("alice", "bob", "carol"));

        admin().contentType("application/yaml").body("""
                        defaultQueue: triage
                        teams: [{id: solo}]
                        reps:
                          - {id: sam, name: Sam, email: sam@leadflow.example, teams: [solo]}
                        rules:
                          - {id: all, assignTo: {team: solo}}
                        """.getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/routing/model").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("defaultQueue", equalTo("triage"))
                .body("reps.id", contains("sam"));
        assertThat(activeModel().reps()).extracting(Rep::id).containsExactly("sam");

        admin().contentType(ContentType.JSON).body("""
                        {"teams": [{"id": "solo"}], "reps": [{"id": "sam", "name": "Sam", "email": "not-an-email"}],
                         "rules": [{"id": "all", "assignTo": {"team": "ghost"}}]}""")
                .put("/api/v1/routing/model").then().statusCode(400)
                .body("errors.field", contains("reps[0] (sam).email", "rules[0] (all).assignTo.team"));
        assertThat(activeModel().version()).isEqualTo(2);
    }

    @Test
    void serialisesConcurrentChangesSoNoneIsLost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String team = "team-" + i;
                writers.add(pool.submit(() -> admin().contentType(ContentType.JSON)
                        .body("{\"name\": \"" + team + "\"}").put("/api/v1/teams/" + team).statusCode()));
            }
            for (Future<Integer> writer : writers) {
                assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        viewer().get("/api/v1/teams").then().header("ETag", "\"7\"")
                .body("items.id", containsInAnyOrder("demo", "dach", "team-0", "team-1", "team-2", "team-3",
                        "team-4", "team-5"));
    }
}
