package dev.leadflow.scoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scores and the scoring model need a bearer token with role leadflow-viewer or leadflow-admin, changing the model or
 * previewing a draft needs leadflow-admin; every refusal is a problem.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class AuthenticationTest {

    private static final String SCORE = "/api/v1/scores/{leadId}";
    /** Valid enough to reach the authorisation check; never stored (every request here is refused). */
    private static final byte[] MODEL = "version: t\nfit: []\n".getBytes(StandardCharsets.UTF_8);

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

    @Test
    void refusesEveryModelEndpointWithoutATokenWithA401Problem() {
        for (var request : modelRequests()) {
            request.send(given().contentType("application/yaml").body(MODEL))
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("https://leadflow.dev/problems/unauthorized"));
        }
    }

    @Test
    void forbidsViewersToChangeOrPreviewTheModelWithA403Problem() {
        for (String path : new String[] {"/api/v1/scoring/model", "/api/v1/scoring/preview"}) {
            var request = given().auth().oauth2(TestTokens.viewer()).contentType("application/yaml").body(MODEL);
            (path.endsWith("model") ? request.put(path) : request.post(path))
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://leadflow.dev/problems/forbidden"));
        }
    }

    @Test
    void letsViewersAndAdminsReadTheModelItsVersionsAndRescores() {
        for (String token : new String[] {TestTokens.viewer(), TestTokens.admin()}) {
            given().auth().oauth2(token).get("/api/v1/scoring/model").then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/scoring/model/versions").then().statusCode(200);
            given().auth().oauth2(token).get("/api/v1/scoring/rescores/{id}", UUID.randomUUID())
                    .then().statusCode(404).body("title", equalTo("Unknown rescore job"));
        }
    }

    /** Each model endpoint, sent without a token. */
    private static List<Request> modelRequests() {
        return List.of(
                spec -> spec.get("/api/v1/scoring/model"),
                spec -> spec.get("/api/v1/scoring/model/versions"),
                spec -> spec.put("/api/v1/scoring/model"),
                spec -> spec.post("/api/v1/scoring/preview"),
                spec -> spec.get("/api/v1/scoring/rescores/{id}", UUID.randomUUID()));
    }

    private interface Request {
        Response send(RequestSpecification spec);
    }

    private static void assertUnauthorized(String token) {
        given().auth().oauth2(token).get(SCORE, UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
