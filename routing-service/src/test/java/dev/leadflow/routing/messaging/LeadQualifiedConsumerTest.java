package dev.leadflow.routing.messaging;

import static dev.leadflow.devstack.KafkaTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.OwnerType;
import dev.leadflow.events.Topics;
import dev.leadflow.routing.Qualifications;
import dev.leadflow.routing.Rotation;
import dev.leadflow.routing.repository.RoutingDecisionEntity;
import dev.leadflow.routing.repository.RoutingDecisionRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "routing"))
class LeadQualifiedConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = Topics.LEADS_QUALIFIED + Topics.DEAD_LETTER_SUFFIX;

    @Inject
    ObjectMapper objectMapper;
    @Inject
    RoutingDecisionRepository decisions;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void publishesOneLeadRoutedWithEveryContractFieldAndCloudEventsHeaders() throws Exception {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());

        send(qualified);

        ConsumerRecord<String, String> record = awaitRouted(qualified.leadId(), 1).get(0);
        JsonNode json = objectMapper.readTree(record.value());
        assertThat(Arrays.stream(LeadRouted.class.getRecordComponents()).map(c -> c.getName())
                        .filter(field -> !field.equals("previousOwnerId")))
                .allSatisfy(field -> assertThat(json.hasNonNull(field)).as("lead.routed carries %s", field).isTrue());
        LeadRouted routed = objectMapper.readValue(record.value(), LeadRouted.class);
        assertThat(routed.leadId()).isEqualTo(qualified.leadId());
        assertThat(routed.qualificationId()).isEqualTo(qualified.qualificationId());
        assertThat(routed.ownerId()).isIn(Rotation.DEMO_REPS);
        assertThat(routed.ownerName()).isNotBlank();
        assertThat(routed.ownerType()).isEqualTo(OwnerType.REP);
        assertThat(routed.ruleId()).isEqualTo(Rotation.DEMO_RULE);
        assertThat(routed.reason()).startsWith("rule everyone-else: round robin in team demo: " + routed.ownerId() + " ");
        assertThat(routed.ownerBookingLink()).isEqualTo("https://meet.leadflow.example/" + routed.ownerId());
        assertThat(routed.capturedAt()).isEqualTo(qualified.capturedAt());
        assertThat(routed.qualifiedAt()).isEqualTo(qualified.qualifiedAt());
        assertThat(routed.routedAt()).isAfterOrEqualTo(qualified.qualifiedAt());
        assertThat(routed.slaDueAt()).isEqualTo(routed.routedAt().plus(Duration.ofMinutes(5)));
        assertThat(routed.lead()).isEqualTo(Qualifications.PROFILE);
        assertThat(routed.score()).isEqualTo(qualified.total());
        assertThat(routed.scoreReasons()).isEqualTo(Qualifications.REASONS);
        assertThat(routed.touchpoints()).isEqualTo(Qualifications.TOUCHPOINTS);
        assertThat(routed.reassignments()).isZero();
        assertThat(routed.previousOwnerId()).isNull();

        assertThat(record.key()).isEqualTo(qualified.leadId().toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo(LeadRouted.TYPE);
        assertThat(header(record, "ce_id")).isEqualTo(routed.eventId().toString());
        assertThat(header(record, "ce_source")).isEqualTo("/leadflow/routing-service");
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");

        RoutingDecisionEntity stored = QuarkusTransaction.requiringNew().call(() -> decisions.findById(routed.eventId()));
        assertThat(stored.getOwnerId()).isEqualTo(routed.ownerId());
        assertThat(stored.getReason()).isEqualTo(routed.reason());
        assertThat(stored.getCandidates()).containsExactlyElementsOf(Rotation.DEMO_REPS);
        assertThat(stored.getRoutedAt()).isEqualTo(routed.routedAt());
        assertThat(stored.getSlaDueAt()).isEqualTo(routed.slaDueAt());
        assertThat(stored.getOwnerBookingLink()).isEqualTo(routed.ownerBookingLink());
        assertThat(stored.getModelVersion()).isEqualTo(1);
        assertThat(stored.getQualifiedLead()).isEqualTo(qualified);
        assertThat(stored.getExplanation().choice()).isEqualTo(routed.reason().substring("rule everyone-else: ".length()));
    }

    @Test
    void routesThreeQualificationsToThreeRepsInTurn() throws Exception {
        List<LeadQualified> qualified = Stream.generate(() -> Qualifications.of(UUID.randomUUID())).limit(3).toList();

        for (LeadQualified lead : qualified) {
            send(lead);
        }

        for (LeadQualified lead : qualified) {
            awaitRouted(lead.leadId(), 1);
        }
        List<RoutingDecisionEntity> inRoutingOrder = qualified.stream()
                .map(lead -> decisionsOf(lead.leadId()).get(0))
                .sorted(Comparator.comparing(RoutingDecisionEntity::getRoutedAt))
                .toList();
        assertThat(inRoutingOrder).extracting(RoutingDecisionEntity::getOwnerId).doesNotHaveDuplicates();
        for (int i = 1; i < inRoutingOrder.size(); i++) {
            String previous = inRoutingOrder.get(i - 1).getOwnerId();
            RoutingDecisionEntity next = inRoutingOrder.get(i);
            assertThat(next.getOwnerId()).isEqualTo(Rotation.after(previous));
            assertThat(next.getReason()).isEqualTo(
                    "rule everyone-else: round robin in team demo: %s follows %s among 3 available of 3"
                            .formatted(next.getOwnerId(), previous));
        }
    }

    @Test
    void routesAnEventDeliveredTwiceOnlyOnce() throws Exception {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        double duplicatesBefore = consumed("duplicate");

        send(qualified);
        send(qualified);

        awaitRouted(qualified.leadId(), 1);
        await().atMost(PATIENCE).until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(decisionsOf(qualified.leadId())).hasSize(1);
        assertThat(outboxEventsFor(qualified.leadId())).isEqualTo(1);
        assertThat(routedRecords(qualified.leadId())).hasSize(1);
    }

    @Test
    void routesAQualificationOnlyOnceEvenUnderANewEventId() throws Exception {
        LeadQualified qualified = Qualifications.of(UUID.randomUUID());
        send(qualified);
        awaitRouted(qualified.leadId(), 1);
        double processedBefore = consumed("processed");

        send(Qualifications.republished(qualified));

        await().atMost(PATIENCE).until(() -> consumed("processed") > processedBefore);
        assertThat(decisionsOf(qualified.leadId())).hasSize(1);
        assertThat(outboxEventsFor(qualified.leadId())).isEqualTo(1);
        assertThat(routedRecords(qualified.leadId())).hasSize(1);
    }

    @Test
    void routesANewQualificationOfTheSameLeadAgain() throws Exception {
        UUID leadId = UUID.randomUUID();
        LeadQualified first = Qualifications.of(leadId);
        LeadQualified second = Qualifications.of(leadId);

        send(first);
        send(second);

        List<LeadRouted> routed = awaitRouted(leadId, 2).stream().map(this::routed).toList();
        assertThat(routed).extracting(LeadRouted::qualificationId)
                .containsExactly(first.qualificationId(), second.qualificationId());
        assertThat(routed.get(1).ownerId()).isEqualTo(Rotation.after(routed.get(0).ownerId()));
        assertThat(decisionsOf(leadId)).hasSize(2);
    }

    @Test
    void deadLettersPoisonWithItsReasonAndKeepsThePartitionFlowing() throws Exception {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        KafkaTopics.send(bootstrapServers, Topics.LEADS_QUALIFIED, key, "{not json", LeadQualified.TYPE,
                UUID.randomUUID().toString());
        KafkaTopics.send(bootstrapServers, Topics.LEADS_QUALIFIED, key, "{}", LeadScored.TYPE,
                UUID.randomUUID().toString());
        LeadQualified withoutQualification = Qualifications.withoutQualificationId(leadId);
        send(withoutQualification);
        LeadQualified good = Qualifications.of(leadId);

        send(good);

        assertThat(routed(awaitRouted(leadId, 1).get(0)).qualificationId()).isEqualTo(good.qualificationId());
        List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE)
                .until(() -> KafkaTopics.readByKey(bootstrapServers, DEAD_LETTERS, key),
                        records -> records.size() == 3);
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason")).satisfiesExactly(
                notJson -> assertThat(notJson).startsWith("payload is not a valid lead.qualified event (JsonParseException"),
                wrongType -> assertThat(wrongType).isEqualTo("unexpected ce_type 'lead.scored' (expected lead.qualified)"),
                incomplete -> assertThat(incomplete).isEqualTo("missing qualificationId"));
        assertThat(decisionsOf(leadId)).hasSize(1);
    }

    private void send(LeadQualified qualified) throws Exception {
        KafkaTopics.send(bootstrapServers, Topics.LEADS_QUALIFIED, qualified.leadId().toString(),
                objectMapper.writeValueAsString(qualified), LeadQualified.TYPE, qualified.eventId().toString());
    }

    private List<ConsumerRecord<String, String>> awaitRouted(UUID leadId, int count) {
        return await().atMost(PATIENCE)
                .until(() -> routedRecords(leadId), r -> r.size() >= count);
    }

    private List<ConsumerRecord<String, String>> routedRecords(UUID leadId) {
        return KafkaTopics.readByKey(bootstrapServers, Topics.LEADS_ROUTED, leadId.toString());
    }

    private LeadRouted routed(ConsumerRecord<String, String> record) {
        try {
            return objectMapper.readValue(record.value(), LeadRouted.class);
        } catch (Exception e) {
            throw new AssertionError("lead.routed is not readable: " + record.value(), e);
        }
    }

    private List<RoutingDecisionEntity> decisionsOf(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> decisions.findByLead(leadId));
    }

    private double consumed(String outcome) {
        Counter counter = registry.find("leadflow_events_consumed_total")
                .tags("consumer", LeadQualifiedConsumer.CONSUMER_NAME, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private long outboxEventsFor(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE record_key = ?1 AND topic = ?2")
                .setParameter(1, leadId.toString()).setParameter(2, Topics.LEADS_ROUTED)
                .getSingleResult()).longValue());
    }
}
