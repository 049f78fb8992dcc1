package dev.leadflow.attribution.it;

import static dev.leadflow.attribution.it.JourneyApi.awaitJourney;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.Topics;
import dev.leadflow.events.TouchpointRecorded;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Poison goes to {@code <topic>.dlq} with its reason, and the records after it on the partition still flow. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "attribution"))
class DeadLetterTest {

    private static final Instant T0 = Instant.parse("2026-03-04T09:00:00Z");

    @Inject
    KafkaTestClient kafka;
    @Inject
    ObjectMapper objectMapper;

    @Test
    void poisonCapturesGoToTheDeadLetterTopicWithTheirReasonAndLaterCapturesStillFlow() throws Exception {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        LeadCaptured good = Events.capture(leadId, null, T0);

        kafka.sendRaw(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, UUID.randomUUID(), "{not json");
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, Events.capture(null, null, T0));
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, Events.capture(leadId, null, null));
        kafka.send(LeadCaptured.TOPIC, key, LeadCaptured.TYPE, good);

        assertThat(awaitJourney(leadId, 1).getString("touchpoints[0].touchpointId")).isEqualTo(good.eventId().toString());
        assertThat(deadLetterReasons(LeadCaptured.TOPIC, key, 3)).satisfiesExactly(
                notJson -> assertThat(notJson).startsWith("payload is not a valid lead.captured event (JsonParseException"),
                noLead -> assertThat(noLead).isEqualTo("missing leadId"),
                noTime -> assertThat(noTime).isEqualTo("missing capturedAt"));
    }

    @Test
    void poisonTouchpointsGoToTheDeadLetterTopicWithTheirReasonAndLaterTouchpointsStillFlow() throws Exception {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        TouchpointRecorded good = Events.leadTouchpoint(leadId, "page_view", "https://example.com/", T0);
        TouchpointRecorded ownerless = Events.leadTouchpoint(null, "page_view", "https://example.com/", T0);
        ObjectNode withoutTouchpointId = objectMapper.valueToTree(Events.leadTouchpoint(leadId, "page_view", null, T0));
        withoutTouchpointId.remove("touchpointId");

        kafka.sendRaw(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, UUID.randomUUID(), "[]");
        kafka.send(TouchpointRecorded.TOPIC, key, LeadCaptured.TYPE, Events.capture(leadId, null, T0));
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, ownerless);
        kafka.sendRaw(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE,
                UUID.fromString(withoutTouchpointId.get("eventId").asText()), withoutTouchpointId.toString());
        kafka.send(TouchpointRecorded.TOPIC, key, TouchpointRecorded.TYPE, good);

        assertThat(awaitJourney(leadId, 1).getString("touchpoints[0].touchpointId"))
                .isEqualTo(good.touchpointId().toString());
        assertThat(deadLetterReasons(TouchpointRecorded.TOPIC, key, 4)).satisfiesExactly(
                notAnEvent -> assertThat(notAnEvent).startsWith(
                        "payload is not a valid touchpoint.recorded event (MismatchedInputException"),
                wrongType -> assertThat(wrongType).isEqualTo(
                        "unexpected ce_type 'lead.captured' (expected touchpoint.recorded)"),
                noOwner -> assertThat(noOwner).isEqualTo("missing leadId"),
                noId -> assertThat(noId).isEqualTo("missing touchpointId"));
    }

    private List<String> deadLetterReasons(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> dead = await().atMost(JourneyApi.DELIVERY_TIMEOUT)
                .until(() -> kafka.recordsWithKey(topic + Topics.DEAD_LETTER_SUFFIX, key), r -> r.size() >= expected);
        assertThat(dead).hasSize(expected);
        return dead.stream().map(r -> KafkaTopics.header(r, "dead-letter-reason")).toList();
    }
}
