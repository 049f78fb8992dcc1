package dev.leadflow.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.leadflow.devstack.auth.TestTokens;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads lead timelines over HTTP, polling quietly until events have been projected. */
public final class TimelineClient {

    private TimelineClient() {
    }

    /** The types of the lead's timeline events, empty while the lead is unknown. */
    public static List<String> eventTypes(UUID leadId) {
        Response response = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/leads/{leadId}/timeline", leadId);
        return response.statusCode() == 200 ? response.jsonPath().getList("events.type", String.class) : List.of();
    }

    /** Waits until the lead's timeline holds {@code count} events, and returns their types. */
    public static List<String> awaitEventCount(UUID leadId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(leadId), types -> types.size() == count);
    }
}
