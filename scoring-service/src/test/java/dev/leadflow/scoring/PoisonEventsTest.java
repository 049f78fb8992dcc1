package dev.leadflow.scoring;

import static dev.leadflow.scoring.support.TestEvents.directorFromHomepage;
import static dev.leadflow.scoring.support.TestEvents.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.Topics;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.events.TouchpointTypes;
import dev.leadflow.scoring.support.KafkaTestClient;
import dev.leadflow.scoring.support.OutboxProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A record the service can never process goes to {@code <topic>.dlq} with the reason in its
 * {@code dead-letter-reason} header, and the records behind it on the same partition (same key) still flow.
 */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class PoisonEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    KafkaTestClient kafka;
    @Inject
    OutboxProbe outbox;

    @Test
    void deadLettersPoisonCapturesAndKeepsThePartitionFlowing() {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        LeadCaptured good = directorFromHomepage(leadId);
        LeadCaptured withoutLead = withLeadId(good, null);
        LeadCaptured withoutProfile = new LeadCaptured(UUID.randomUUID(), leadId, "demo", good.capturedAt(), false,
                null, null, false, null, null, null, null);

        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, UUID.randomUUID(), "{not json");
        kafka.send(LeadCaptured.TOPIC, key, TouchpointRecorded.TYPE, UUID.randomUUID(), "{}");
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, withoutLead);
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, withoutProfile);
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, good);

        await().atMost(PATIENCE).until(() -> outbox.published(LeadScored.TOPIC, key) == 1);
        assertThat(deadLetterReasons(LeadCaptured.TOPIC, key, 4)).satisfiesExactly(
                notJson -> assertThat(notJson).startsWith("payload is not a valid lead.captured event (JsonParseException"),
                wrongType -> assertThat(wrongType)
                        .isEqualTo("unexpected ce_type 'touchpoint.recorded' (expected lead.captured)"),
                noLead -> assertThat(noLead).isEqualTo("missing leadId"),
                noProfile -> assertThat(noProfile).isEqualTo("missing profile"));
    }

    @Test
    void deadLettersPoisonTouchpointsAndKeepsThePartitionFlowing() {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        TouchpointRecorded good = touchpoint(leadId, TouchpointTypes.WEBINAR, null);
        TouchpointRecorded withoutType = new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), leadId, null,
                " ", null, null, null, good.occurredAt(), good.recordedAt());
        TouchpointRecorded withoutOwner = new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), null, null,
                TouchpointTypes.PAGE_VIEW, null, null, null, good.occurredAt(), good.recordedAt());

        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, UUID.randomUUID(), "[1, 2");
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, withoutType);
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, withoutOwner);
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, good);

        await().atMost(PATIENCE).until(() -> outbox.published(LeadScored.TOPIC, key) == 1);
        assertThat(deadLetterReasons(TouchpointRecorded.TOPIC, key, 3)).satisfiesExactly(
                notJson -> assertThat(notJson).startsWith("payload is not a valid touchpoint.recorded event ("),
                noType -> assertThat(noType).isEqualTo("missing type"),
                noOwner -> assertThat(noOwner).isEqualTo("missing leadId"));
    }

    private List<String> deadLetterReasons(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE).until(
                () -> kafka.records(topic + Topics.DEAD_LETTER_SUFFIX, key), records -> records.size() >= count);
        return dead.stream().map(record -> KafkaTopics.header(record, "dead-letter-reason")).toList();
    }

    private static LeadCaptured withLeadId(LeadCaptured c, UUID leadId) {
        return new LeadCaptured(UUID.randomUUID(), leadId, c.formId(), c.capturedAt(), c.returning(), c.profile(),
                c.consentMarketing(), c.freeMailDomain(), c.utm(), c.pageUrl(), c.referrer(), c.anonymousId());
    }
}
