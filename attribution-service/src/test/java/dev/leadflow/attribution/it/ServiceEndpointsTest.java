package dev.leadflow.attribution.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "attribution"))
class ServiceEndpointsTest {

    @Test
    void isReadyWhenKafkaAndPostgresqlAre() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
    }

    @Test
    void answersAnUnknownLeadWithANotFoundProblem() {
        UUID unknown = UUID.randomUUID();

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/attribution/leads/{leadId}", unknown).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/lead-not-found"))
                .body("title", equalTo("Lead not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No journey is known for lead " + unknown))
                .body("instance", equalTo("/api/v1/attribution/leads/" + unknown));
    }

    @Test
    void answersAMalformedLeadIdWithAProblemNamingTheFieldAndRule() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/attribution/leads/{leadId}", "not-a-uuid").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://leadflow.dev/problems/invalid-request"))
                .body("status", equalTo(400))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("leadId"))
                .body("errors[0].rule", equalTo("Pattern"))
                .body("errors[0].message", equalTo("must be a UUID"))
                .body(not(containsString("Exception")));
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().get("/api/v1/attribution/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void describesTheJourneyEndpointInOpenApi() {
        String openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();

        assertThat(openApi).contains("/api/v1/attribution/leads/{leadId}", "application/problem+json",
                "JourneyResponse");
    }

    @Test
    void exposesTheAttributionCounterForBothKindsOfTouchpoint() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).containsPattern("(?m)^leadflow_touchpoints_attributed_total\\{[^}]*stitched=\"true\"");
        assertThat(metrics).containsPattern("(?m)^leadflow_touchpoints_attributed_total\\{[^}]*stitched=\"false\"");
    }
}
