package dev.leadflow.scoring;

import static dev.leadflow.scoring.support.TestEvents.directorFromHomepage;
import static dev.leadflow.scoring.support.TestEvents.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.scoring.support.KafkaTestClient;
import dev.leadflow.scoring.support.OutboxProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Kafka delivers at least once: the same event delivered twice (same eventId) must have one effect. Each test sends
 * the event twice and then a different event of the same lead on the same partition; once that one's effect shows,
 * the duplicate has certainly been consumed.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class IdempotentConsumptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    KafkaTestClient kafka;
    @Inject
    OutboxProbe outbox;
    @Inject
    MeterRegistry registry;

    @Test
    void aCaptureDeliveredTwiceCountsOnce() {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        LeadCaptured captured = directorFromHomepage(leadId);
        double duplicatesBefore = duplicates("scoring.lead-captured");

        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, captured);
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, captured);
        LeadCaptured returning = directorFromHomepage(leadId);
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, returning);

        List<LeadScored> scores = await().atMost(PATIENCE).until(
                () -> kafka.events(LeadScored.TOPIC, key, LeadScored.class),
                events -> events.stream().anyMatch(score -> score.capturedAt().equals(returning.capturedAt())));
        assertThat(scores).extracting(LeadScored::total).containsExactly(80, 100);
        assertThat(outbox.published(LeadScored.TOPIC, key)).isEqualTo(2);
        assertThat(outbox.touchpointsOfLead(key)).isEqualTo(2);
        assertThat(duplicates("scoring.lead-captured")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
    }

    @Test
    void aTouchpointDeliveredTwiceCountsOnce() {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, directorFromHomepage(leadId));
        await().atMost(PATIENCE).until(() -> outbox.published(LeadScored.TOPIC, key) == 1);
        TouchpointRecorded webinar = touchpoint(leadId, TouchpointTypes.WEBINAR, null);
        double duplicatesBefore = duplicates("scoring.touchpoint-recorded");

        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, webinar);
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, webinar);
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE,
                touchpoint(leadId, TouchpointTypes.EMAIL_CLICK, "https://acme.example/newsletter"));

        List<LeadScored> scores = await().atMost(PATIENCE).until(
                () -> kafka.events(LeadScored.TOPIC, key, LeadScored.class),
                events -> events.stream().anyMatch(score -> score.reasons().stream()
                        .anyMatch(reason -> reason.ruleId().equals("email-click"))));
        assertThat(scores).extracting(LeadScored::total).containsExactly(80, 95, 100);
        assertThat(outbox.touchpointsOfLead(key)).isEqualTo(3);
        assertThat(duplicates("scoring.touchpoint-recorded")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
    }

    private double duplicates(String consumer) {
        var counter = registry.find("leadflow_events_consumed_total").tags("consumer", consumer, "outcome", "duplicate")
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
