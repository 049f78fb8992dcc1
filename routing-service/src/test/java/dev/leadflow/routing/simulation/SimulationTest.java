package dev.leadflow.routing.simulation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.Topics;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.assignment.LeadRouter;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/routing/simulate} on the real stack: it compares owners and changes nothing. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class SimulationTest {

    private static final String ALL_TO_REVIEW = "[{\"id\": \"all-to-review\", \"assignTo\": {\"queue\": \"review\"}}]";

    @Inject
    LeadRouter router;
    @Inject
    RoutingDecisionRepository decisions;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void comparesTheLastRoutedLeadsWithADraftOfRulesAndChangesNothing() {
        List<RoutingDecisionEntity> routed = routeThreeLeads();
        String before = everythingSimulationMustNotChange();

        JsonPath answer = given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(ALL_TO_REVIEW)
                .post("/api/v1/routing/simulate?leads=3").then().statusCode(200)
                .body("baseVersion", equalTo(1))
                .body("draft", equalTo("rules"))
                .body("leadsRequested", equalTo(3))
                .body("totals.leads", equalTo(3))
                .body("totals.replayed", equalTo(3))
                .body("totals.skipped", equalTo(0))
                .body("totals.changed", equalTo(3))
                .body("leads.changed", everyItem(equalTo(true)))
                .body("leads.draft.ownerId", everyItem(equalTo("review")))
                .body("leads.draft.ownerType", everyItem(equalTo("queue")))
                .body("leads.draft.ruleId", everyItem(equalTo("all-to-review")))
                .extract().jsonPath();

        assertThat(answer.getList("leads.leadId")).containsExactlyElementsOf(
                routed.stream().map(decision -> decision.getLeadId().toString()).toList());
        assertThat(answer.getList("leads.today.ownerId")).containsExactlyElementsOf(
                routed.stream().map(RoutingDecisionEntity::getOwnerId).toList());
        assertThat(answer.getList("leads.today.ruleId")).containsOnly("everyone-else");
        assertThat(answer.getList("leads.routedAt", String.class)).containsExactlyElementsOf(
                routed.stream().map(decision -> decision.getRoutedAt().toString()).toList());
        assertThat(answer.getList("owners.ownerId")).containsExactlyElementsOf(
                Stream.concat(routed.stream().map(RoutingDecisionEntity::getOwnerId).sorted(), Stream.of("review"))
                        .toList());
        assertThat(answer.getList("owners.today", Integer.class)).containsExactly(1, 1, 1, 0);
        assertThat(answer.getList("owners.draft", Integer.class)).containsExactly(0, 0, 0, 3);
        assertThat(everythingSimulationMustNotChange()).isEqualTo(before);
    }

    @Test
    void theCurrentModelAsADraftContinuesTheRotationWhereItStands() {
        List<RoutingDecisionEntity> routed = routeThreeLeads();
        String currentModel = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/routing/model")
                .then().statusCode(200).extract().asString();

        // Three leads in a team of three, starting after the last one's owner: the same owners in the same order.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(currentModel)
                .post("/api/v1/routing/simulate?leads=3").then().statusCode(200)
                .body("draft", equalTo("document"))
                .body("totals.changed", equalTo(0))
                .body("leads.draft.ownerId", contains(routed.stream().map(RoutingDecisionEntity::getOwnerId)
                        .toArray()));
    }

    @Test
    void countsDecisionsMadeBeforeTheirInputWasStoredAsSkipped() {
        routeThreeLeads();
        // A decision as stored before V3: no qualified_lead.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO routing_decision (id, lead_id, qualification_id, owner_id, owner_name, owner_type,
                               rule_id, reason, candidates, score, captured_at, qualified_at, routed_at, sla_due_at)
                        VALUES (?1, ?2, ?3, 'alice', 'Alice Martin', 'rep', 'everyone-else', 'before V3', '{alice}',
                               120, now(), now(), clock_timestamp(), now())""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, UUID.randomUUID())
                .setParameter(3, UUID.randomUUID()).executeUpdate());

        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(ALL_TO_REVIEW)
                .post("/api/v1/routing/simulate?leads=2").then().statusCode(200)
                .body("totals.leads", equalTo(2))
                .body("totals.replayed", equalTo(1))
                .body("totals.skipped", equalTo(1))
                .body("leads", hasSize(1));
    }

    @Test
    void refusesAnInvalidDraftLikeAChangeNamingTheItemAndField() {
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON)
                .body("[{\"id\": \"x\", \"assignTo\": {\"team\": \"ghost\"}}]")
                .post("/api/v1/routing/simulate").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("rules[0] (x).assignTo.team"))
                .body("errors[0].rule", equalTo("reference"))
                .body("errors[0].message", equalTo("no team 'ghost'"));
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{\"rules\": 3}")
                .post("/api/v1/routing/simulate").then().statusCode(400)
                .body("errors[0].field", equalTo("rules"));
    }

    @Test
    void refusesALeadCountOutsideOneTo5000() {
        for (String leads : new String[] {"0", "5001", "-3", "many", "1.5"}) {
            given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(ALL_TO_REVIEW)
                    .queryParam("leads", leads)
                    .post("/api/v1/routing/simulate").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("leads"))
                    .body("errors[0].rule", equalTo("range"));
        }
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(ALL_TO_REVIEW)
                .post("/api/v1/routing/simulate?leads=5000").then().statusCode(200);
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body(ALL_TO_REVIEW)
                .post("/api/v1/routing/simulate").then().statusCode(200).body("leadsRequested", equalTo(100));
    }

    /** Routes three new leads to the demo team, waits until their events are published; decisions oldest first. */
    private List<RoutingDecisionEntity> routeThreeLeads() {
        List<LeadQualified> leads = Stream.generate(() -> Qualifications.of(UUID.randomUUID())).limit(3).toList();
        for (LeadQualified lead : leads) {
            QuarkusTransaction.requiringNew().run(() -> router.route(lead));
        }
        for (LeadQualified lead : leads) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !KafkaTopics.readByKey(bootstrapServers,
                    Topics.LEADS_ROUTED, lead.leadId().toString()).isEmpty());
        }
        return QuarkusTransaction.requiringNew().call(() -> leads.stream()
                .map(lead -> decisions.findByLead(lead.leadId()).get(0)).toList());
    }

    /** Decisions, counters, model versions, the outbox and the routed-leads topic, as one comparable text. */
    private String everythingSimulationMustNotChange() {
        String database = QuarkusTransaction.requiringNew().call(() -> Stream.of(
                        "SELECT count(*)::text FROM routing_decision",
                        "SELECT coalesce(string_agg(team_id || last_rep_id || credits::text, ',' ORDER BY team_id), '') "
                                + "FROM team_distribution",
                        "SELECT coalesce(string_agg(rep_id || open_leads || day_count, ',' ORDER BY rep_id), '') "
                                + "FROM rep_load",
                        "SELECT count(*) || '/' || max(version) FROM routing_model",
                        "SELECT count(*)::text FROM outbox_event")
                .map(sql -> (String) entityManager.createNativeQuery(sql).getSingleResult())
                .toList().toString());
        return database + " routed=" + KafkaTopics.readAll(bootstrapServers, Topics.LEADS_ROUTED).size();
    }
}
