package dev.leadflow.routing.crm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.Topics;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A CRM reports outcomes over HTTP; they reach {@code crm.activities} as events, or nothing happens. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class CrmActivityIntakeTest {

    private static final String PATH = "/api/v1/crm/activities";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishesAFirstContactUnderTheCrmsActivityId() throws Exception {
        UUID leadId = UUID.randomUUID();
        UUID activityId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("""
                        {"type": "lead.contacted", "activityId": "%s", "leadId": "%s", "repId": "alice",
                         "channel": "phone", "occurredAt": "2026-11-02T09:30:00Z"}""".formatted(activityId, leadId))
                .post(PATH)
                .then().statusCode(202)
                .body("activityId", equalTo(activityId.toString()))
                .body("type", equalTo("lead.contacted"));

        List<ConsumerRecord<String, String>> records = awaitRecords(leadId, 1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(KafkaTopics.header(record, "ce_type")).isEqualTo("lead.contacted");
        assertThat(KafkaTopics.header(record, "ce_id")).isEqualTo(activityId.toString());
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.get("repId").asText()).isEqualTo("alice");
        assertThat(event.get("contactedAt").asText()).isEqualTo("2026-11-02T09:30:00Z");
    }

    @Test
    void publishesAWonOpportunityWithItsAmount() throws Exception {
        UUID leadId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("""
                        {"type": "opportunity.won", "leadId": "%s", "opportunityId": "opp-7", "amount": 48000.50,
                         "currency": "EUR"}""".formatted(leadId))
                .post(PATH)
                .then().statusCode(202).body("type", equalTo("opportunity.won"));

        JsonNode event = JSON.readTree(awaitRecords(leadId, 1).get(0).value());
        assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("48000.50");
        assertThat(event.get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void refusesInvalidReportsNamingEveryFieldAndPublishesNothing() {
        UUID leadId = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("""
                        {"type": "opportunity.created", "leadId": "%s", "amount": -5, "currency": "EURO"}"""
                        .formatted(leadId))
                .post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/validation"))
                .body("errors.field", hasItems("opportunityId", "amount", "currency"));
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"type\": ")
                .post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/malformed-body"));

        assertNothingPublishedFor(leadId);
    }

    @Test
    void needsAnAdminTokenAndPublishesNothingWithoutOne() {
        UUID leadId = UUID.randomUUID();
        String body = """
                {"type": "lead.contacted", "leadId": "%s", "repId": "alice"}""".formatted(leadId);
        given().contentType("application/json").body(body).post(PATH)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer()).contentType("application/json").body(body).post(PATH)
                .then().statusCode(403).contentType("application/problem+json");

        assertNothingPublishedFor(leadId);
    }

    private void assertNothingPublishedFor(UUID leadId) {
        // A valid report sent afterwards arrives; had the refused ones been published, they would be there before it.
        given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                .body("""
                        {"type": "opportunity.lost", "leadId": "%s", "opportunityId": "marker"}""".formatted(leadId))
                .post(PATH)
                .then().statusCode(202);
        List<ConsumerRecord<String, String>> records = awaitRecords(leadId, 1);
        assertThat(records).extracting(r -> KafkaTopics.header(r, "ce_type")).containsExactly("opportunity.lost");
    }

    private List<ConsumerRecord<String, String>> awaitRecords(UUID leadId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, Topics.CRM_ACTIVITIES, leadId.toString()),
                        records -> records.size() >= count);
    }
}
