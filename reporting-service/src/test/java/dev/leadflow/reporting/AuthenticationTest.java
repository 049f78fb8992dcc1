package dev.leadflow.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Timelines and reports need a bearer token with role leadflow-viewer or leadflow-admin; each refusal is a problem. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class AuthenticationTest {

    private static final String PROTECTED = "/api/v1/leads/{leadId}/timeline";

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
        given().get("/api/v1/leads/not-a-uuid/timeline")
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
            given().auth().oauth2(token).get("/api/v1/reports/funnel")
                    .then().statusCode(200)
                    .contentType("application/json");
            given().auth().oauth2(token).get(PROTECTED, UUID.randomUUID())
                    .then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void leavesHealthMetricsAndOpenApiPublic() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void protectsTheFunnelToo() {
        given().get("/api/v1/reports/funnel")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewerSignedByAnotherKey()).get("/api/v1/reports/funnel")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.withGroups("marketing")).get("/api/v1/reports/funnel")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static void assertUnauthorized(String token) {
        given().auth().oauth2(token).get(PROTECTED, UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
