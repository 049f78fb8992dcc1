package dev.leadflow.attribution.it;

import static dev.leadflow.attribution.it.JourneyApi.awaitJourney;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * At-least-once delivery: the same event twice has one effect. Each test ends with a marker event on the same
 * partition; once the marker is in the journey, the duplicates before it have been processed too.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "attribution"))
class RedeliveryTest {

    private static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");

    @Inject
    KafkaTestClient kafka;

    @Test
    void aRedeliveredTouchpointIsInTheJourneyOnce() throws Exception {
        UUID leadId = UUID.randomUUID();
        TouchpointRecorded click = Events.leadTouchpoint(leadId, "email_click", "https://example.com/a", T0);
        TouchpointRecorded marker = Events.leadTouchpoint(leadId, "page_view", "https://example.com/b",
                T0.plus(Duration.ofMinutes(1)));

        double duplicatesBefore = duplicatesSkipped();

        kafka.touch(click, click, marker);

        JsonPath journey = awaitJourney(leadId, 2);
        assertThat(journey.getList("touchpoints.touchpointId"))
                .containsExactly(click.touchpointId().toString(), marker.touchpointId().toString());
        assertThat(duplicatesSkipped() - duplicatesBefore).isEqualTo(1);
    }

    @Test
    void aTouchpointRepublishedUnderANewEventIdIsInTheJourneyOnce() throws Exception {
        UUID leadId = UUID.randomUUID();
        TouchpointRecorded click = Events.leadTouchpoint(leadId, "ad_click", "https://example.com/a", T0);
        TouchpointRecorded marker = Events.leadTouchpoint(leadId, "page_view", "https://example.com/b",
                T0.plus(Duration.ofMinutes(1)));

        kafka.touch(click, Events.republished(click), marker);

        JsonPath journey = awaitJourney(leadId, 2);
        assertThat(journey.getList("touchpoints.touchpointId"))
                .containsExactly(click.touchpointId().toString(), marker.touchpointId().toString());
    }

    @Test
    void aRedeliveredCaptureIsInTheJourneyOnce() throws Exception {
        UUID leadId = UUID.randomUUID();
        LeadCaptured captured = Events.capture(leadId, null, T0);
        LeadCaptured returning = Events.capture(leadId, null, T0.plus(Duration.ofDays(7)));

        kafka.capture(captured, captured, returning);

        JsonPath journey = awaitJourney(leadId, 2);
        assertThat(journey.getList("touchpoints.touchpointId"))
                .containsExactly(captured.eventId().toString(), returning.eventId().toString());
    }

    /** Redeliveries the inbox recognised and skipped. */
    private static double duplicatesSkipped() {
        return PrometheusScrape.value("leadflow_events_consumed_total",
                "consumer=\"attribution.touchpoint-recorded\",outcome=\"duplicate\"");
    }
}
