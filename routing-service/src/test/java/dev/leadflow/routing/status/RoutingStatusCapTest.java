package dev.leadflow.routing.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.assignment.LeadRouter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With room for one held request, a second {@code ?wait} is answered at once, as without {@code wait}. */
@QuarkusTest
@TestProfile(RoutingStatusCapTest.OneHeldRequest.class)
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class RoutingStatusCapTest {

    @Inject
    LeadRouter router;
    @Inject
    MeterRegistry registry;

    @Test
    void answersARequestBeyondTheCapAtOnceAndStillWakesTheHeldOne() throws Exception {
        UUID heldLead = UUID.randomUUID();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(
                () -> given().queryParam("wait", 10).get("/api/v1/leads/{leadId}/routing-status", heldLead));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> waiting() == 1);
        double immediateBefore = answered("immediate");

        long start = System.nanoTime();
        given().queryParam("wait", 10).get("/api/v1/leads/{leadId}/routing-status", UUID.randomUUID())
                .then().statusCode(200).body("routed", equalTo(false));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(answered("immediate")).isEqualTo(immediateBefore + 1);
        assertThat(waiting()).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> router.route(Qualifications.of(heldLead)));
        held.get(15, TimeUnit.SECONDS).then().statusCode(200).body("routed", equalTo(true));
        assertThat(waiting()).isZero();
    }

    private double waiting() {
        Gauge gauge = registry.find("leadflow_routing_status_waiting").gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private double answered(String outcome) {
        Counter counter = registry.find("leadflow_routing_status_answered_total").tags("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    public static class OneHeldRequest implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("leadflow.routing.status-wait.max-waiting", "1");
        }
    }
}
