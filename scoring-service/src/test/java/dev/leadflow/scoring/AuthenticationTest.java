package dev.leadflow.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scores need a bearer token with role leadflow-viewer or leadflow-admin; every refusal is a problem. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class AuthenticationTest {

    private static final String SCORE = "/api/v1/scores/{leadId}";

    @Test
    void refusesARequestWithoutATokenWithA401Problem() {
        given().get(SCORE, UUID.randomUUID())
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
        given().get("/api/v1/scores/not-a-uuid")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void forbidsATokenWithoutALeadflowRoleWithA403Problem() {
        given().auth().oauth2(TestTokens.withGroups("marketing")).get(SCORE, UUID.randomUUID())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("type", equalTo("https://leadflow.dev/problems/forbidden"));
    }

    @Test
    void letsViewersAndAdminsRead() {
        for (String token : new String[] {TestTokens.viewer(), TestTokens.admin()}) {
            given().auth().oauth2(token).get(SCORE, UUID.randomUUID())
                    .then().statusCode(404)
                    .body("title", equalTo("Unknown lead"));
        }
    }

    @Test
    void leavesHealthMetricsAndOpenApiPublic() {
        for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"}) {
            given().get(path).then().statusCode(200);
        }
    }

    private static void assertUnauthorized(String token) {
        given().auth().oauth2(token).get(SCORE, UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
