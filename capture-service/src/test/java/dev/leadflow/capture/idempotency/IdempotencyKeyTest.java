package dev.leadflow.capture.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class IdempotencyKeyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void replaysTheFirstAnswerAndCapturesNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, String> lead = Map.of("email", uniqueEmail(), "formId", "demo-request");
        String leadId = post(key, lead).then().statusCode(202).extract().path("leadId");

        post(key, lead).then().statusCode(202)
                .header(IdempotentRequests.REPLAYED_HEADER, "true")
                .body("leadId", equalTo(leadId))
                .body("status", equalTo("accepted"));

        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1))
                .until(() -> KafkaTopics.readByKey(bootstrapServers, LeadCaptured.TOPIC, leadId).size() == 1);
    }

    @Test
    void replaysAFormRedirect() {
        String key = UUID.randomUUID().toString();
        String email = uniqueEmail();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().redirects().follow(false).header(IdempotentRequests.HEADER, key).contentType(ContentType.URLENC)
                    .formParam("email", email).formParam("formId", "demo")
                    .formParam("redirectUrl", "https://www.example.com/thanks")
                    .when().post("/api/v1/leads")
                    .then().statusCode(303).header("Location", "https://www.example.com/thanks");
        }
    }

    @Test
    void refusesAKeyReusedWithADifferentBody() {
        String key = UUID.randomUUID().toString();
        post(key, Map.of("email", uniqueEmail(), "formId", "demo-request")).then().statusCode(202);

        post(key, Map.of("email", uniqueEmail(), "formId", "demo-request")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:idempotency-key-reused"));
    }

    @Test
    void letsARejectedRequestBeCorrectedUnderTheSameKey() {
        String key = UUID.randomUUID().toString();
        post(key, Map.of("email", "not an email", "formId", "demo-request")).then().statusCode(400);

        post(key, Map.of("email", uniqueEmail(), "formId", "demo-request")).then().statusCode(202);
    }

    @Test
    void rejectsAMalformedKey() {
        post("has spaces in it", Map.of("email", uniqueEmail(), "formId", "demo-request")).then().statusCode(400)
                .body("errors[0].field", equalTo(IdempotentRequests.HEADER));
    }

    @Test
    void capturesLeadsWhileRedisIsDown() {
        var redis = DevStackTestResource.shared().redis();
        redis.stop();
        try {
            String key = UUID.randomUUID().toString();
            Map<String, String> lead = Map.of("email", uniqueEmail(), "formId", "demo-request");
            String first = post(key, lead).then().statusCode(202).extract().path("leadId");
            // Without Redis the retry is not recognised, but the email identity still keeps one leadId.
            String retry = post(key, lead).then().statusCode(202).extract().path("leadId");
            assertThat(retry).isEqualTo(first);
        } finally {
            redis.start();
        }
    }

    private static Response post(String key, Map<String, String> lead) {
        return given().header(IdempotentRequests.HEADER, key).contentType(ContentType.JSON).body(lead)
                .when().post("/api/v1/leads");
    }

    private static String uniqueEmail() {
        return "idem-" + UUID.randomUUID() + "@example.com";
    }
}
