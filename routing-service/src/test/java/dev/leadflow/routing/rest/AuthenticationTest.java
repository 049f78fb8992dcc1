package dev.leadflow.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Routing decisions need a bearer token with role leadflow-viewer or leadflow-admin; every refusal is a problem. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class AuthenticationTest {

    private static final String PROTECTED = "/api/v1/routing/decisions/{leadId}";

    @Test
    void refusesARequestWithoutATokenWithA401Problem() {
        given().get(PROTECTED, UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", equalTo("https://leadflow.dev/problems/unauthorized"));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        assertUnauthorized(TestTokens.viewerSignedByAnotherKey());
    }

    @Test
    void refusesAnExpiredToken() {
        assertUnauthorized(TestTokens.expiredViewer());
    }

    @Test
    void refusesSomethingThatIsNotAToken() {
        assertUnauthorized("not-a-jwt");
    }

    @Test
    void checksTheTokenBeforeTheInput() {
        given().get("/api/v1/routing/decisions/not-a-uuid")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void forbidsATokenWithoutALeadflowRoleWithA403Problem() {
        given().auth().oauth2(TestTokens.withGroups("marketing")).get(PROTECTED, UUID.randomUUID())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("type", equalTo("https://leadflow.dev/problems/forbidden"));
    }

    @Test
    void letsViewersAndAdminsRead() {
        for (String token : new String[] {TestTokens.viewer(), TestTokens.admin()}) {
            given().auth().oauth2(token).get(PROTECTED, UUID.randomUUID())
                    .then().statusCode(404)
                    .body("title", equalTo("Not Found"));
        }
    }

    @Test
    void leavesHealthMetricsAndOpenApiPublic() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void leavesTheRoutingStatusPublicEvenForABadToken() {
        given().get("/api/v1/leads/{leadId}/routing-status", UUID.randomUUID())
                .then().statusCode(200).body("routed", equalTo(false));
        given().auth().oauth2(TestTokens.expiredViewer())
                .get("/api/v1/leads/{leadId}/routing-status", UUID.randomUUID())
                .then().statusCode(200).body("routed", equalTo(false));
    }

    @Test
    void leavesTheLongPolledRoutingStatusPublicEvenForABadToken() {
        given().queryParam("wait", 1).get("/api/v1/leads/{leadId}/routing-status", UUID.randomUUID())
                .then().statusCode(200).body("routed", equalTo(false));
        given().auth().oauth2(TestTokens.expiredViewer()).queryParam("wait", 1)
                .get("/api/v1/leads/{leadId}/routing-status", UUID.randomUUID())
                .then().statusCode(200).body("routed", equalTo(false));
        given().auth().oauth2("not-a-jwt").queryParam("wait", "31")
                .get("/api/v1/leads/{leadId}/routing-status", UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void webhooksNeedATokenToBeReadOrChanged() {
        given().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().contentType("application/json").body("{}").post("/api/v1/webhooks")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/webhooks/{id}/deliveries", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        given().post("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", UUID.randomUUID(), UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void webhooksLetViewersReadButOnlyAdminsChange() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks").then().statusCode(200);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/webhooks/{id}/deliveries", UUID.randomUUID())
                .then().statusCode(404);
        String viewer = TestTokens.viewer();
        String body = "{\"url\": \"https://crm.example.com/h\", \"eventTypes\": [\"lead.routed\"]}";
        assertForbidden(given().auth().oauth2(viewer).contentType("application/json").body(body)
                .post("/api/v1/webhooks"));
        assertForbidden(given().auth().oauth2(viewer).contentType("application/json").body(body)
                .put("/api/v1/webhooks/{id}", UUID.randomUUID()));
        assertForbidden(given().auth().oauth2(viewer).delete("/api/v1/webhooks/{id}", UUID.randomUUID()));
        assertForbidden(given().auth().oauth2(viewer).post("/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                UUID.randomUUID(), UUID.randomUUID()));
        assertForbidden(given().auth().oauth2(TestTokens.withGroups("marketing")).get("/api/v1/webhooks"));
    }

    private static void assertForbidden(io.restassured.response.Response response) {
        response.then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("type", equalTo("https://leadflow.dev/problems/forbidden"));
    }

    private static void assertUnauthorized(String token) {
        given().auth().oauth2(token).get(PROTECTED, UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
