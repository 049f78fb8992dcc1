package dev.leadflow.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import dev.leadflow.devstack.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "capture"))
class OperationsTest {

    @Test
    void readinessDependsOnPostgresOnlySoFormsAreAcceptedWhileKafkaOrRedisIsDown() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body("checks.name", not(hasItem("Redis connection health check")))
                .body("checks.status", everyItem(equalTo("UP")));
    }

    @Test
    void exportsCaptureMetricsUnderTheirContractNames() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "ops-" + UUID.randomUUID() + "@example.com", "formId", "newsletter"))
                .when().post("/api/v1/leads").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("type", "page_view", "anonymousId", "ops-metrics"))
                .when().post("/api/v1/touchpoints").then().statusCode(202);

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("leadflow_leads_captured_total{returning=\"false\""))
                .body(containsString("leadflow_leads_captured_total{returning=\"true\""))
                .body(containsString("leadflow_touchpoints_recorded_total"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/leads"))
                .body("paths", hasKey("/api/v1/touchpoints"));
    }

    @Test
    void documentsTheIntakeFieldsWithExamples() {
        String document = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();

        assertThat(document).contains("consentTextVersion", "privacy-2026.1", "1000-4999", "E.164",
                "meeting_booked", "paid_search", "touchpointType");
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
