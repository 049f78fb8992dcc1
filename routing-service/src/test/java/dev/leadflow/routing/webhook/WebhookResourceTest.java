package dev.leadflow.routing.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Managing webhook endpoints over HTTP: the secret shown once, rotation, validation problems, the delivery log. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class WebhookResourceTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void createsAnEndpointShowingItsGeneratedSecretOnlyInTheAnswer() {
        ExtractableResponse<Response> answer = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/hooks", "eventTypes", List.of("lead.routed"),
                        "description", "Acme CRM"))
                .post("/api/v1/webhooks")
                .then().statusCode(201)
                .body("url", equalTo("https://crm.example.com/hooks"))
                .body("eventTypes", contains("lead.routed"))
                .body("active", equalTo(true))
                .body("description", equalTo("Acme CRM"))
                .body("secret", startsWith("whsec_"))
                .extract();
        JsonPath created = answer.jsonPath();
        String id = created.getString("id");
        assertThat(answer.header("Location")).endsWith("/api/v1/webhooks/" + id);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/webhooks/{id}", id).then().statusCode(200);
        assertThat(WebhookSignature.isValidSecret(created.getString("secret"))).isTrue();

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks/{id}", id)
                .then().statusCode(200).body("id", equalTo(id)).body("secret", nullValue())
                .body("createdAt", not(nullValue()));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks")
                .then().statusCode(200).body("webhooks.id", hasItem(id))
                .body("webhooks.secret", not(hasItem(created.getString("secret"))))
                .body("webhooks.find { it.id == '" + id + "' }.secret", nullValue());
        delete(id);
    }

    @Test
    void keepsAGivenSecretWithoutEchoingIt() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/hooks", "eventTypes", List.of("lead.sla-breached"),
                        "secret", SECRET, "active", false))
                .post("/api/v1/webhooks")
                .then().statusCode(201).body("secret", nullValue()).body("active", equalTo(false))
                .body("eventTypes", contains("lead.sla-breached"));
    }

    @Test
    void replacesSettingsKeepingTheSecretUnlessRotated() {
        String id = create("https://crm.example.com/a");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/b", "eventTypes", List.of("lead.routed",
                        "lead.sla-breached"), "active", false))
                .put("/api/v1/webhooks/{id}", id)
                .then().statusCode(200)
                .body("url", equalTo("https://crm.example.com/b"))
                .body("eventTypes", contains("lead.routed", "lead.sla-breached"))
                .body("active", equalTo(false))
                .body("secret", nullValue());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/b", "eventTypes", List.of("lead.routed"),
                        "rotateSecret", true))
                .put("/api/v1/webhooks/{id}", id)
                .then().statusCode(200).body("secret", startsWith("whsec_"));
        delete(id);
    }

    @Test
    void deletesAnEndpoint() {
        String id = create("https://crm.example.com/gone");
        delete(id);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks/{id}", id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/webhooks/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesAnInvalidEndpointNamingEachFieldAndRule() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"url": "https://169.254.169.254/latest/meta-data", "eventTypes": ["lead.scored"],
                         "secret": "hunter2"}""")
                .post("/api/v1/webhooks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/validation"))
                .body("errors.field", contains("url", "eventTypes[0]", "secret"))
                .body("errors.rule", contains("public-address", "one-of", "secret-format"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"url\": \"http://crm.example.com\", \"eventTypes\": [\"lead.routed\"]}")
                .post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"))
                .body("errors[0].rule", equalTo("https"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].rule", equalTo("json"));
    }

    @Test
    void refusesAnInvalidReplacementAndAnUnknownEndpoint() {
        String id = create("https://crm.example.com/c");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/c", "eventTypes", List.of()))
                .put("/api/v1/webhooks/{id}", id)
                .then().statusCode(400).body("errors[0].field", equalTo("eventTypes"))
                .body("errors[0].rule", equalTo("not-empty"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://crm.example.com/c", "eventTypes", List.of("lead.routed")))
                .put("/api/v1/webhooks/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        delete(id);
    }

    @Test
    void refusesMalformedIdsStatusesAndLimits() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks/{id}", "not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id")).body("errors[0].rule", equalTo("pattern"));
        String id = create("https://crm.example.com/d");
        given().auth().oauth2(TestTokens.viewer()).queryParam("status", "lost")
                .get("/api/v1/webhooks/{id}/deliveries", id)
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].rule", equalTo("pattern"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 0)
                .get("/api/v1/webhooks/{id}/deliveries", id)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"))
                .body("errors[0].rule", equalTo("min"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks/{id}/deliveries", id)
                .then().statusCode(200).body("webhookId", equalTo(id)).body("deliveries", empty());
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks/{id}/deliveries", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin())
                .post("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", id, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        delete(id);
    }

    private static String create(String url) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("lead.routed")))
                .post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private static void delete(String id) {
        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
    }
}
