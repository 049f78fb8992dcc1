package dev.leadflow.attribution.it;

import static dev.leadflow.attribution.it.JourneyApi.awaitJourney;
import static dev.leadflow.attribution.it.JourneyApi.journey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadflow.attribution.repository.TouchpointRepository;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.Utm;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "attribution"))
class IdentityStitchingTest {

    private static final Instant CAPTURED_AT = Instant.parse("2026-03-02T10:00:00Z");

    @Inject
    KafkaTestClient kafka;
    @Inject
    TouchpointRepository touchpoints;

    @Test
    void stitchesAnonymousVisitsMadeBeforeTheCaptureIntoTheLeadsJourneyInTimeOrder() throws Exception {
        UUID leadId = UUID.randomUUID();
        String anonymousId = "anon-" + UUID.randomUUID();
        TouchpointRecorded adClick = Events.anonymousPageView(anonymousId, "https://example.com/landing",
                new Utm("linkedin", "paid_social", "q1-abm", null, null), CAPTURED_AT.minus(Duration.ofDays(3)));
        TouchpointRecorded pricing = Events.anonymousPageView(anonymousId, "https://example.com/pricing", null,
                CAPTURED_AT.minus(Duration.ofHours(1)));
        LeadCaptured captured = Events.capture(leadId, anonymousId, CAPTURED_AT);

        double stitchedBefore = PrometheusScrape.touchpointsAttributed(true);
        double directBefore = PrometheusScrape.touchpointsAttributed(false);

        // The later visit is delivered first: the journey follows when things happened, not arrival.
        kafka.touch(pricing, adClick);
        await().atMost(JourneyApi.DELIVERY_TIMEOUT).until(() -> anonymousTouchpoints(anonymousId) == 2);
        kafka.capture(captured);

        JsonPath journey = awaitJourney(leadId, 3);
        assertThat(journey.getList("touchpoints.touchpointId")).containsExactly(
                adClick.touchpointId().toString(), pricing.touchpointId().toString(), captured.eventId().toString());
        assertThat(journey.getList("touchpoints.stitched")).containsExactly(true, true, false);
        assertThat(journey.getList("touchpoints.type")).containsExactly("page_view", "page_view", "form_submit");
        assertThat(journey.getString("touchpoints[0].utm.source")).isEqualTo("linkedin");
        assertThat(journey.getString("touchpoints[0].occurredAt")).isEqualTo("2026-02-27T10:00:00Z");
        assertThat(journey.getString("touchpoints[2].url")).isEqualTo("https://example.com/pricing");
        assertThat(journey.getString("touchpoints[2].referrer")).isEqualTo("https://www.google.com/");
        assertThat(journey.getString("touchpoints[2].utm.campaign")).isEqualTo("brand");

        assertThat(journey.getString("firstTouch.touchpointId")).isEqualTo(adClick.touchpointId().toString());
        assertThat(journey.getString("firstTouch.channel.name")).isEqualTo("linkedin / paid_social");
        assertThat(journey.getString("firstTouch.campaign")).isEqualTo("q1-abm");
        assertThat(journey.getBoolean("firstTouch.stitched")).isTrue();
        assertThat(journey.getString("lastTouch.type")).isEqualTo("form_submit");
        assertThat(journey.getString("lastTouch.channel.name")).isEqualTo("google / cpc");
        assertThat(journey.getInt("totalTouchpoints")).isEqualTo(3);
        assertThat(journey.getBoolean("truncated")).isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(PrometheusScrape.touchpointsAttributed(true) - stitchedBefore).isEqualTo(2);
            assertThat(PrometheusScrape.touchpointsAttributed(false) - directBefore).isEqualTo(1);
        });
    }

    @Test
    void aTouchpointOfTheLeadAfterTheCaptureJoinsTheJourney() throws Exception {
        UUID leadId = UUID.randomUUID();
        LeadCaptured captured = Events.capture(leadId, null, CAPTURED_AT);
        kafka.capture(captured);
        awaitJourney(leadId, 1);

        TouchpointRecorded webinar = Events.leadTouchpoint(leadId, "webinar", "https://example.com/webinar",
                CAPTURED_AT.plus(Duration.ofDays(1)));
        kafka.touch(webinar);

        JsonPath journey = awaitJourney(leadId, 2);
        assertThat(journey.getList("touchpoints.type")).containsExactly("form_submit", "webinar");
        assertThat(journey.getList("touchpoints.stitched")).containsExactly(false, false);
        assertThat(journey.getString("lastTouch.touchpointId")).isEqualTo(webinar.touchpointId().toString());
    }

    @Test
    void anAnonymousVisitAfterTheCaptureJoinsTheJourneyAsStitched() throws Exception {
        UUID leadId = UUID.randomUUID();
        String anonymousId = "anon-" + UUID.randomUUID();
        kafka.capture(Events.capture(leadId, anonymousId, CAPTURED_AT));
        awaitJourney(leadId, 1);

        TouchpointRecorded laterVisit = Events.anonymousPageView(anonymousId, "https://example.com/docs", null,
                CAPTURED_AT.plus(Duration.ofHours(2)));
        kafka.touch(laterVisit);

        JsonPath journey = awaitJourney(leadId, 2);
        assertThat(journey.getList("touchpoints.touchpointId")).last().isEqualTo(laterVisit.touchpointId().toString());
        assertThat(journey.getList("touchpoints.stitched")).containsExactly(false, true);
        assertThat(journey.getString("lastTouch.channel.name")).isEqualTo("(direct) / (none)");
    }

    @Test
    void anAnonymousIdStaysWithTheFirstLeadCapturedWithIt() throws Exception {
        UUID firstLead = UUID.randomUUID();
        UUID secondLead = UUID.randomUUID();
        String sharedBrowser = "anon-" + UUID.randomUUID();
        kafka.touch(Events.anonymousPageView(sharedBrowser, "https://example.com/", null,
                CAPTURED_AT.minus(Duration.ofHours(1))));
        kafka.capture(Events.capture(firstLead, sharedBrowser, CAPTURED_AT));
        awaitJourney(firstLead, 2);

        LeadCaptured second = Events.capture(secondLead, sharedBrowser, CAPTURED_AT.plus(Duration.ofHours(1)));
        kafka.capture(second);

        JsonPath secondJourney = awaitJourney(secondLead, 1);
        assertThat(secondJourney.getList("touchpoints.touchpointId")).containsExactly(second.eventId().toString());
        assertThat(journey(firstLead).getInt("totalTouchpoints")).isEqualTo(2);
    }

    private long anonymousTouchpoints(String anonymousId) {
        return QuarkusTransaction.requiringNew().call(() -> touchpoints.countAnonymous(anonymousId));
    }
}
