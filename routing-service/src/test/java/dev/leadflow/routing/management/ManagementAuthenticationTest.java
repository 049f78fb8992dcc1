package dev.leadflow.routing.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The management and simulation endpoints: reading (and simulating) needs leadflow-viewer or leadflow-admin,
 * changing needs leadflow-admin; every refusal is problem+json and changes nothing.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class ManagementAuthenticationTest {

    private static final List<String> READS = List.of("/api/v1/reps", "/api/v1/reps/alice", "/api/v1/teams",
            "/api/v1/teams/demo", "/api/v1/accounts", "/api/v1/accounts/acme", "/api/v1/territories",
            "/api/v1/territories/dach", "/api/v1/routing/rules", "/api/v1/routing/rules/everyone-else",
            "/api/v1/routing/model", "/api/v1/routing/model/versions");
    private static final List<Endpoint> WRITES = List.of(
            new Endpoint("PUT", "/api/v1/reps/zoe"), new Endpoint("DELETE", "/api/v1/reps/alice"),
            new Endpoint("PUT", "/api/v1/teams/zoe"), new Endpoint("DELETE", "/api/v1/teams/demo"),
            new Endpoint("PUT", "/api/v1/accounts/zoe"), new Endpoint("DELETE", "/api/v1/accounts/acme"),
            new Endpoint("PUT", "/api/v1/territories/zoe"), new Endpoint("DELETE", "/api/v1/territories/dach"),
            new Endpoint("PUT", "/api/v1/routing/rules"), new Endpoint("PUT", "/api/v1/routing/rules/zoe"),
            new Endpoint("DELETE", "/api/v1/routing/rules/everyone-else"), new Endpoint("PUT", "/api/v1/routing/model"));
    private static final Endpoint SIMULATE = new Endpoint("POST", "/api/v1/routing/simulate");

    private record Endpoint(String method, String path) {

        io.restassured.response.Response call(RequestSpecification request) {
            return request.contentType(ContentType.JSON).body("{\"name\": \"Zoe\"}").request(method, path);
        }
    }

    @Test
    void refusesEveryEndpointWithoutATokenWith401Problem() {
        for (String path : READS) {
            assertUnauthorized(new Endpoint("GET", path).call(given()));
        }
        for (Endpoint endpoint : WRITES) {
            assertUnauthorized(endpoint.call(given()));
        }
        assertUnauthorized(SIMULATE.call(given()));
        assertUnauthorized(new Endpoint("GET", "/api/v1/reps").call(given().auth().oauth2(TestTokens.expiredViewer())));
    }

    @Test
    void forbidsChangesToAViewerWith403ProblemAndChangesNothing() {
        for (Endpoint endpoint : WRITES) {
            endpoint.call(given().auth().oauth2(TestTokens.viewer())).then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://leadflow.dev/problems/forbidden"));
        }
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/routing/model").then().header("ETag", "\"1\"");
    }

    @Test
    void forbidsATokenWithoutALeadflowRoleEverything() {
        String marketing = TestTokens.withGroups("marketing");
        for (String path : READS) {
            new Endpoint("GET", path).call(given().auth().oauth2(marketing)).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        SIMULATE.call(given().auth().oauth2(marketing)).then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void letsViewersAndAdminsRead() {
        for (String token : new String[] {TestTokens.viewer(), TestTokens.admin()}) {
            for (String path : READS) {
                given().auth().oauth2(token).get(path).then().statusCode(200);
            }
        }
    }

    private static void assertUnauthorized(io.restassured.response.Response response) {
        response.then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }
}
