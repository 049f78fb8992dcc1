package dev.leadflow.capture.touchpoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.TouchpointRecorded;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class TouchpointIntakeTest {

    private static final String SITE = "https://www.example.com";

    @Inject
    ObjectMapper objectMapper;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void recordsOneTouchpointKeyedByItsLead() throws Exception {
        String leadId = UUID.randomUUID().toString();
        List<String> ids = given().contentType(ContentType.JSON)
                .body(Map.of("type", "pricing_page_view", "leadId", leadId, "url", "https://www.example.com/pricing",
                        "utm_source", "Google", "occurredAt", "2026-03-01T10:15:30+01:00"))
                .when().post("/api/v1/touchpoints")
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("touchpointIds", hasSize(1))
                .extract().path("touchpointIds");

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, TouchpointRecorded.TOPIC, leadId), r -> r.size() == 1)
                .get(0);
        assertThat(KafkaTopics.header(record, "ce_type")).isEqualTo(TouchpointRecorded.TYPE);
        TouchpointRecorded event = objectMapper.readValue(record.value(), TouchpointRecorded.class);
        assertThat(event.touchpointId()).hasToString(ids.get(0));
        assertThat(event.type()).isEqualTo("pricing_page_view");
        assertThat(event.utm().source()).isEqualTo("google");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
        assertThat(event.recordedAt()).isNotNull();
    }

    @Test
    void recordsABatchInOrderKeyingAnonymousTouchpointsByAnonymousId() throws Exception {
        String anonymousId = "anon-" + UUID.randomUUID();
        List<Map<String, Object>> batch = List.of(
                Map.of("type", "page_view", "anonymousId", anonymousId, "url", "https://www.example.com/"),
                Map.of("type", "content_download", "anonymousId", anonymousId, "campaign", "ebook"),
                Map.of("type", "webinar", "anonymousId", anonymousId));
        List<String> ids = given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/touchpoints")
                .then().statusCode(202)
                .body("accepted", equalTo(3))
                .body("touchpointIds", hasSize(3))
                .extract().path("touchpointIds");

        List<TouchpointRecorded> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, TouchpointRecorded.TOPIC, anonymousId),
                        r -> r.size() == 3)
                .stream().map(r -> read(r.value())).toList();
        assertThat(events).extracting(TouchpointRecorded::type)
                .containsExactly("page_view", "content_download", "webinar");
        assertThat(events).extracting(e -> e.touchpointId().toString()).containsExactlyElementsOf(ids);
        assertThat(events).allSatisfy(e -> assertThat(e.leadId()).isNull());
    }

    @Test
    void rejectsAWholeBatchNamingEachInvalidItem() {
        String anonymousId = "anon-" + UUID.randomUUID();
        List<Object> batch = List.of(
                Map.of("type", "page_view", "anonymousId", anonymousId),
                Map.of("type", "Page View", "anonymousId", anonymousId),
                Map.of("type", "page_view"),
                "not an object",
                Map.of("type", "page_view", "leadId", "not-a-uuid", "occurredAt", "yesterday"));
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/touchpoints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("[1].type", "[2].leadId", "[3]", "[4].leadId", "[4].occurredAt"))
                .body("errors.rule", contains("touchpointType", "required", "type", "uuid", "timestamp"));

        assertThat(KafkaTopics.readByKey(bootstrapServers, TouchpointRecorded.TOPIC, anonymousId)).isEmpty();
    }

    @Test
    void recordsTheChannelAndRefusesUnknownTypesAndTheFarFuture() throws Exception {
        String leadId = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("type", "meeting_booked", "leadId", leadId, "channel", "paid_search"),
                        Map.of("type", "webinar_attended", "leadId", leadId,
                                "occurredAt", Instant.now().minus(Duration.ofDays(400)).toString())))
                .when().post("/api/v1/touchpoints")
                .then().statusCode(202).body("accepted", equalTo(2));
        List<TouchpointRecorded> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, TouchpointRecorded.TOPIC, leadId),
                        r -> r.size() == 2)
                .stream().map(r -> read(r.value())).toList();
        assertThat(events).extracting(TouchpointRecorded::type, TouchpointRecorded::channel)
                .containsExactly(tuple("meeting_booked", "paid_search"), tuple("webinar_attended", null));

        String rejected = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .body(List.of(Map.of("type", "page_view", "leadId", rejected),
                        Map.of("type", "video_play", "leadId", rejected, "channel", "Paid Search"),
                        Map.of("type", "chat", "leadId", rejected,
                                "occurredAt", Instant.now().plus(Duration.ofMinutes(10)).toString())))
                .when().post("/api/v1/touchpoints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("[1].type", "[1].channel", "[2].occurredAt"))
                .body("errors.rule", contains("touchpointType", "pattern", "notInFuture"));
        assertThat(KafkaTopics.readByKey(bootstrapServers, TouchpointRecorded.TOPIC, rejected)).isEmpty();
    }

    @Test
    void acceptsABatchOfExactlyTheLimit() {
        List<Map<String, Object>> batch = Collections.nCopies(500,
                Map.of("type", "page_view", "anonymousId", "anon-" + UUID.randomUUID(), "channel", "direct"));
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/touchpoints")
                .then().statusCode(202)
                .body("accepted", equalTo(500))
                .body("touchpointIds", hasSize(500));
    }

    @Test
    void refusesABatchOverTheLimitWith413() {
        List<Map<String, Object>> batch = new ArrayList<>(Collections.nCopies(501,
                Map.of("type", "page_view", "anonymousId", "anon-limit")));
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/v1/touchpoints")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:payload-too-large"));
    }

    @Test
    void rejectsAnEmptyBatch() {
        given().contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/touchpoints")
                .then().statusCode(400)
                .body("errors.rule", containsInAnyOrder("notEmpty"));
    }

    @Test
    void readsATextPlainBodyAsJsonSoABrowserBeaconCanPostFromAnotherSite() throws Exception {
        String anonymousId = "beacon-" + UUID.randomUUID();
        given().contentType("text/plain;charset=UTF-8").header("Origin", SITE)
                .body("{\"type\": \"page_view\", \"anonymousId\": \"" + anonymousId + "\", "
                        + "\"url\": \"https://www.example.com/spring\", \"utm_campaign\": \"Frühling\"}")
                .when().post("/api/v1/touchpoints")
                .then().statusCode(202)
                .header("Access-Control-Allow-Origin", anyOf(equalTo("*"), equalTo(SITE)))
                .body("accepted", equalTo(1));

        TouchpointRecorded event = read(await().atMost(Duration.ofSeconds(30))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, TouchpointRecorded.TOPIC, anonymousId),
                        r -> r.size() == 1)
                .get(0).value());
        assertThat(event.type()).isEqualTo("page_view");
        assertThat(event.url()).isEqualTo("https://www.example.com/spring");
        assertThat(event.utm().campaign()).isEqualTo("frühling");
    }

    @Test
    void validatesATextPlainBodyAsTheSameJson() {
        given().contentType(ContentType.TEXT).body("type=page_view&anonymousId=anon-1")
                .when().post("/api/v1/touchpoints")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:malformed-body"));
        given().contentType(ContentType.TEXT).body("[{\"type\": \"video_play\", \"anonymousId\": \"anon-1\"}]")
                .when().post("/api/v1/touchpoints")
                .then().statusCode(400)
                .body("errors.field", contains("[0].type"))
                .body("errors.rule", contains("touchpointType"));
    }

    @Test
    void replaysUnderOneIdempotencyKeyWhetherTheJsonCameAsTextOrJson() {
        String key = "beacon-" + UUID.randomUUID();
        String body = "{\"type\": \"page_view\", \"anonymousId\": \"" + key + "\"}";
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/touchpoints")
                .then().statusCode(202).extract().path("touchpointIds[0]");
        given().contentType(ContentType.TEXT).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/touchpoints")
                .then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("touchpointIds[0]", equalTo(first));
    }

    @Test
    void answersTheCorsPreflightOfAJsonPostFromAnotherSite() {
        given().header("Origin", SITE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .when().options("/api/v1/touchpoints")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", anyOf(equalTo("*"), equalTo(SITE)))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("idempotency-key"));
    }

    private TouchpointRecorded read(String json) {
        try {
            return objectMapper.readValue(json, TouchpointRecorded.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
