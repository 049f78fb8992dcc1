package dev.leadflow.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.routing.assignment.LeadRouter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class OperationsEndpointsTest {

    private static final Pattern ROUTED_TO_REPS =
            Pattern.compile("(?m)^leadflow_leads_routed_total\\{[^}]*owner_type=\"rep\"[^}]*} (\\S+)$");

    @Inject
    LeadRouter router;

    @Test
    void isReadyOnceKafkaAndPostgresqlAreReachable() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void countsRoutedLeadsByOwnerType() {
        double before = routedToReps(scrape());

        QuarkusTransaction.requiringNew().run(() -> router.route(Qualifications.of(UUID.randomUUID())));

        String metrics = scrape();
        assertThat(routedToReps(metrics)).isEqualTo(before + 1);
        assertThat(metrics).containsPattern("(?m)^leadflow_leads_routed_total\\{[^}]*owner_type=\"queue\"");
    }

    @Test
    void documentsTheRoutingEndpointsInOpenApi() {
        String openApi = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();

        assertThat(openApi).contains("/api/v1/routing/decisions/{leadId}", "/api/v1/leads/{leadId}/routing-status",
                "application/problem+json");
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double routedToReps(String metrics) {
        Matcher matcher = ROUTED_TO_REPS.matcher(metrics);
        assertThat(matcher.find()).as("leadflow_leads_routed_total{owner_type=\"rep\"} is exported in %s",
                metrics.lines().filter(l -> l.contains("routed")).toList()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
