package dev.leadflow.attribution.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.leadflow.devstack.auth.TestTokens;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;

/** Reads journeys through the service's REST API. */
final class JourneyApi {

    /**
     * Longest wait for an event's effect. The first records of a run wait for the consumer group to form, which
     * takes a while on a busy 2-core CI machine; Awaitility returns as soon as the effect is there.
     */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private JourneyApi() {
    }

    /** Waits until the lead's journey lists exactly this many touchpoints, and returns it. */
    static JsonPath awaitJourney(UUID leadId, int touchpoints) {
        return await().atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> journey(leadId), j -> j != null && j.getList("touchpoints").size() == touchpoints);
    }

    /** The journey, or null while the lead is unknown. */
    static JsonPath journey(UUID leadId) {
        var response = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/attribution/leads/{leadId}", leadId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
