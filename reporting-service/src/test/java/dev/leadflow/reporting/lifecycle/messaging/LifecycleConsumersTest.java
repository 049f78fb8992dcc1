package dev.leadflow.reporting.lifecycle.messaging;

import static dev.leadflow.devstack.KafkaTopics.header;
import static dev.leadflow.devstack.KafkaTopics.readByKey;
import static dev.leadflow.reporting.KafkaTestSupport.bootstrapServers;
import static dev.leadflow.reporting.KafkaTestSupport.event;
import static dev.leadflow.reporting.KafkaTestSupport.json;
import static dev.leadflow.reporting.KafkaTestSupport.send;
import static dev.leadflow.reporting.TestEvents.contacted;
import static dev.leadflow.reporting.TestEvents.routed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.auth.TestTokens;
import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.OwnerType;
import dev.leadflow.events.Topics;
import dev.leadflow.reporting.KafkaTestSupport.Outgoing;
import dev.leadflow.reporting.PrometheusScrape;
import dev.leadflow.reporting.TestEvents;
import dev.leadflow.reporting.TimelineClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class LifecycleConsumersTest {

    private static final String CAPTURE_TO_ROUTED_COUNT = "leadflow_speed_to_lead_seconds_count";
    private static final String CAPTURE_TO_ROUTED = "stage=\"capture_to_routed\"";
    private static final String CONSUMED = "leadflow_events_consumed_total";

    private final UUID leadId = UUID.randomUUID();
    private final String key = leadId.toString();
    private final Instant capturedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void projectsAnEventDeliveredTwiceOnce() {
        LeadRouted routed = routed(leadId, capturedAt, capturedAt, capturedAt.plusMillis(800));
        PrometheusScrape before = PrometheusScrape.now();

        send(routed, routed);

        // The inbox reports the second delivery as a duplicate once it has been skipped.
        await().atMost(Duration.ofSeconds(30)).until(() -> PrometheusScrape.now()
                .value(CONSUMED, "consumer=\"reporting.lead-routed\"", "outcome=\"duplicate\"")
                > before.value(CONSUMED, "consumer=\"reporting.lead-routed\"", "outcome=\"duplicate\""));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/leads/{leadId}/timeline", leadId).then().statusCode(200)
                .body("events.type", contains(EventTypes.LEAD_ROUTED));
        PrometheusScrape after = PrometheusScrape.now();
        assertThat(after.value(CAPTURE_TO_ROUTED_COUNT, CAPTURE_TO_ROUTED)
                - before.value(CAPTURE_TO_ROUTED_COUNT, CAPTURE_TO_ROUTED)).isEqualTo(1);
    }

    @Test
    void deadLettersPoisonWithItsReasonAndKeepsThePartitionFlowing() {
        LeadRouted withoutOwner = new LeadRouted(UUID.randomUUID(), leadId, UUID.randomUUID(), null, null,
                OwnerType.REP, null, null, capturedAt, capturedAt, capturedAt.plusSeconds(1), null, TestEvents.PROFILE,
                115, List.of());
        LeadRouted good = routed(leadId, capturedAt, capturedAt, capturedAt.plusSeconds(1));

        send(new Outgoing(Topics.LEADS_ROUTED, key, "{not json", LeadRouted.TYPE, UUID.randomUUID().toString()),
                new Outgoing(Topics.LEADS_ROUTED, key, json(withoutOwner), LeadRouted.TYPE,
                        withoutOwner.eventId().toString()),
                event(good));

        awaitTimeline(EventTypes.LEAD_ROUTED);
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters(Topics.LEADS_ROUTED), r -> r.size() == 2);
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason")).satisfiesExactly(
                notJson -> assertThat(notJson).startsWith("payload is not a valid lead.routed event"),
                noOwner -> assertThat(noOwner).isEqualTo("missing ownerId"));
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason"))
                .allSatisfy(reason -> assertThat(reason).doesNotContain(TestEvents.EMAIL));
    }

    @Test
    void ignoresOtherCrmActivitiesAndDeadLettersUnknownOnes() {
        String opportunityWon = """
                {"eventId":"%s","leadId":"%s","opportunityId":"opp-1"}""".formatted(UUID.randomUUID(), leadId);

        String disqualified = """
                {"eventId":"%s","leadId":"%s","repId":"alice","reason":"no budget"}""".formatted(UUID.randomUUID(),
                leadId);

        send(new Outgoing(Topics.CRM_ACTIVITIES, key, opportunityWon, EventTypes.OPPORTUNITY_WON,
                        UUID.randomUUID().toString()),
                new Outgoing(Topics.CRM_ACTIVITIES, key, disqualified, EventTypes.LEAD_DISQUALIFIED,
                        UUID.randomUUID().toString()),
                new Outgoing(Topics.CRM_ACTIVITIES, key, "{}", "lead.meeting-booked", UUID.randomUUID().toString()),
                event(contacted(leadId, capturedAt.plusSeconds(60))));

        awaitTimeline(EventTypes.LEAD_CONTACTED);
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters(Topics.CRM_ACTIVITIES), r -> !r.isEmpty());
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason"))
                .containsExactly("unexpected ce_type 'lead.meeting-booked' (expected lead.contacted)");
    }

    private void awaitTimeline(String... types) {
        assertThat(TimelineClient.awaitEventCount(leadId, types.length)).containsExactly(types);
    }

    /** This lead's records on the topic's dead-letter topic. */
    private List<ConsumerRecord<String, String>> deadLetters(String topic) {
        return readByKey(bootstrapServers(), topic + Topics.DEAD_LETTER_SUFFIX, key);
    }
}
