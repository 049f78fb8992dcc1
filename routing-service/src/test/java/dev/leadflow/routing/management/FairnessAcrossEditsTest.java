package dev.leadflow.routing.management;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.Topics;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.model.RoutingModels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Editing the model does not reset fairness (HubSpot resets its rotation on every edit): leads routed through Kafka
 * before and after edits made through the API continue one weighted round robin, and a rep who joins is not
 * flooded.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class FairnessAcrossEditsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String FORM = "fairness-test";

    @Inject
    ObjectMapper objectMapper;
    @Inject
    RoutingModels models;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void backToTheSeed() {
        SeedModel.restore(entityManager, models);
    }

    @Test
    void editsKeepTheTeamsDistributionAndANewRepJoinsWithoutBeingFlooded() throws Exception {
        put("/api/v1/teams/fair", "{\"name\": \"Fairness\"}");
        put("/api/v1/reps/f1", rep("f1", 100));
        put("/api/v1/reps/f2", rep("f2", 100));
        putFairnessRuleFirst();

        assertThat(route(3)).containsExactly("f1", "f2", "f1");
        // f1 has had 2 of 3: its credit is down and f2's up. A reset would give f1 the next lead again.
        int renamed = put("/api/v1/teams/fair", "{\"name\": \"Fairness (renamed)\"}");
        assertThat(route(1)).containsExactly("f2");
        assertThat(lastDecisionModelVersion()).as("the new version is used at once").isEqualTo(renamed);

        put("/api/v1/reps/f3", rep("f3", 100));
        List<String> withNewRep = route(6);
        assertThat(withNewRep).containsExactly("f1", "f2", "f3", "f1", "f2", "f3");

        put("/api/v1/reps/f1", rep("f1", 200));
        assertThat(route(4)).containsExactly("f1", "f2", "f3", "f1");

        // Every cycle ended exactly: credits are back to zero; the loads counted every lead across the edits.
        assertThat(credits()).isEqualTo(Map.of("f1", 0L, "f2", 0L, "f3", 0L));
        assertThat(openLeads()).isEqualTo(Map.of("f1", 6, "f2", 5, "f3", 3));
    }

    private static String rep(String id, int weight) {
        return """
                {"name": "Rep %s", "email": "%s@leadflow.example", "teams": ["fair"], "weight": %d}"""
                .formatted(id, id, weight);
    }

    /** The model version the change was stored in. */
    private static int put(String path, String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).put(path)
                .then().statusCode(either(is(200)).or(is(201)))
                .extract().path("version");
    }

    private void putFairnessRuleFirst() throws Exception {
        ArrayNode rules = (ArrayNode) objectMapper.readTree(given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/routing/rules").then().statusCode(200).extract().asString()).get("items");
        ObjectNode fairness = objectMapper.createObjectNode();
        fairness.put("id", "fairness");
        fairness.putObject("when").putArray("formId").add(FORM);
        fairness.putObject("assignTo").put("team", "fair").put("distribution", "weighted-round-robin");
        rules.insert(0, fairness);
        put("/api/v1/routing/rules", objectMapper.writeValueAsString(rules));
    }

    /** Routes {@code count} new leads through Kafka one after the other; their owners in order. */
    private List<String> route(int count) throws Exception {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LeadQualified lead = qualification();
            KafkaTopics.send(bootstrapServers, Topics.LEADS_QUALIFIED, lead.leadId().toString(),
                    objectMapper.writeValueAsString(lead), LeadQualified.TYPE, lead.eventId().toString());
            List<ConsumerRecord<String, String>> routed = await().atMost(PATIENCE).until(
                    () -> KafkaTopics.readByKey(bootstrapServers, Topics.LEADS_ROUTED, lead.leadId().toString()),
                    records -> !records.isEmpty());
            LeadRouted event = objectMapper.readValue(routed.get(0).value(), LeadRouted.class);
            assertThat(event.ruleId()).isEqualTo("fairness");
            owners.add(event.ownerId());
        }
        return owners;
    }

    private static LeadQualified qualification() {
        Instant capturedAt = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        return new LeadQualified(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "demo-v1", 120, 100,
                Qualifications.PROFILE, Qualifications.REASONS, capturedAt, capturedAt.plusMillis(300), false, FORM,
                null, "A1", Qualifications.TOUCHPOINTS);
    }

    private int lastDecisionModelVersion() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT model_version FROM routing_decision WHERE rule_id = 'fairness' ORDER BY routed_at DESC LIMIT 1")
                .getSingleResult()).intValue());
    }

    private Map<String, Long> credits() throws Exception {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT credits::text FROM team_distribution WHERE team_id = 'fair'").getSingleResult());
        return objectMapper.readValue(json, new TypeReference<Map<String, Long>>() {
        });
    }

    private Map<String, Integer> openLeads() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT rep_id, open_leads FROM rep_load WHERE rep_id IN ('f1', 'f2', 'f3')").getResultList());
        return rows.stream().map(row -> (Object[]) row)
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).intValue()));
    }
}
