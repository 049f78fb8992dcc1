package dev.leadflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.devstack.DevStackTestResource;
import dev.leadflow.devstack.KafkaTopics;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadProfile;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.Topics;
import dev.leadflow.messaging.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = DevStackTestResource.class)
class ReliableMessagingTest {

    @Inject
    ObjectMapper objectMapper;
    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void processesARedeliveredEventOnceAndPublishesOneCloudEvent() throws Exception {
        LeadCaptured captured = captured(UUID.randomUUID());
        String json = objectMapper.writeValueAsString(captured);

        send(Topics.LEADS_CAPTURED, captured.leadId().toString(), json, LeadCaptured.TYPE, captured.eventId());
        send(Topics.LEADS_CAPTURED, captured.leadId().toString(), json, LeadCaptured.TYPE, captured.eventId());

        List<ConsumerRecord<String, String>> scored = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsFor(Topics.LEADS_SCORED, captured.leadId()), r -> !r.isEmpty());
        Thread.sleep(1500);
        assertThat(recordsFor(Topics.LEADS_SCORED, captured.leadId())).hasSize(1);
        assertThat(countSeen(captured.leadId())).isEqualTo(1);
        ConsumerRecord<String, String> record = scored.get(0);
        assertThat(header(record, "ce_type")).isEqualTo(LeadScored.TYPE);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_source")).isEqualTo("/leadflow/messaging-test");
        assertThat(header(record, "ce_id")).isEqualTo(objectMapper.readValue(record.value(), LeadScored.class)
                .eventId().toString());
        assertThat(record.key()).isEqualTo(captured.leadId().toString());
    }

    @Test
    void deadLettersPoisonWithItsReasonAndKeepsThePartitionFlowing() throws Exception {
        UUID leadId = UUID.randomUUID();
        String key = leadId.toString();
        send(Topics.LEADS_CAPTURED, key, "{not json", LeadCaptured.TYPE, UUID.randomUUID());
        send(Topics.LEADS_CAPTURED, key, "{}", "lead.unknown", UUID.randomUUID());
        LeadCaptured withoutLead = captured(null);
        send(Topics.LEADS_CAPTURED, key, objectMapper.writeValueAsString(withoutLead), LeadCaptured.TYPE,
                withoutLead.eventId());
        LeadCaptured good = captured(leadId);
        send(Topics.LEADS_CAPTURED, key, objectMapper.writeValueAsString(good), LeadCaptured.TYPE, good.eventId());

        await().atMost(Duration.ofSeconds(30)).until(() -> countSeen(leadId) == 1);
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.LEADS_CAPTURED + Topics.DEAD_LETTER_SUFFIX, key), r -> r.size() == 3);
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason")).satisfiesExactly(
                notJson -> assertThat(notJson).startsWith("payload is not a valid lead.captured event (JsonParseException"),
                unknownType -> assertThat(unknownType).isEqualTo("unexpected ce_type 'lead.unknown' (expected lead.captured)"),
                noLead -> assertThat(noLead).isEqualTo("missing leadId"));
    }

    @Test
    void processesABacklogInBatchesAndDeadLettersOnlyTheEventThatFailsInProcessing() throws Exception {
        double batchesBefore = batches();
        List<LeadCaptured> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            backlog.add(captured(UUID.randomUUID(), i == 120 ? TestConsumer.FAILS_IN_PROCESSING : "Ada"));
        }
        // One key, one partition: the batch keeps their order, and the failing event sits in the middle of it.
        String key = UUID.randomUUID().toString();
        KafkaTopics.sendAll(bootstrapServers, Topics.LEADS_CAPTURED, backlog.stream()
                .map(event -> new KafkaTopics.Outgoing(key, json(event), LeadCaptured.TYPE, event.eventId().toString()))
                .toList());

        for (int i = 0; i < backlog.size(); i++) {
            UUID leadId = backlog.get(i).leadId();
            long expected = i == 120 ? 0 : 1;
            await().atMost(Duration.ofSeconds(30)).until(() -> countSeen(leadId) == expected);
        }
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(Topics.LEADS_CAPTURED + Topics.DEAD_LETTER_SUFFIX, key), r -> !r.isEmpty());
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason"))
                .containsExactly("first name " + TestConsumer.FAILS_IN_PROCESSING);
        assertThat(dead.get(0).value()).contains(backlog.get(120).eventId().toString());
        // 200 events sent at once arrive in far fewer polls than events.
        assertThat(batches() - batchesBefore).isLessThan(100);
    }

    @Test
    void batchHandlerTakesAPollAtOnceProcessesEachEventOnceAndPublishesInOrder() {
        List<LeadCaptured> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            backlog.add(captured(UUID.randomUUID()));
        }
        String key = UUID.randomUUID().toString();
        List<KafkaTopics.Outgoing> records = new java.util.ArrayList<>(backlog.stream()
                .map(event -> new KafkaTopics.Outgoing(key, json(event), LeadCaptured.TYPE, event.eventId().toString()))
                .toList());
        // An outbox may publish an event twice; here the copy lands in the same poll as the original.
        records.add(41, records.get(40));
        KafkaTopics.sendAll(bootstrapServers, TestConsumer.BATCHES_TOPIC, records);

        List<UUID> leadIds = backlog.stream().map(LeadCaptured::leadId).toList();
        Set<String> keys = leadIds.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.read(bootstrapServers,
                TestConsumer.BATCHES_SCORED_TOPIC, record -> keys.contains(record.key())).size() >= backlog.size());
        // Stored in the outbox (so published) in the order of the batch.
        assertThat(outboxKeysInOrder(TestConsumer.BATCHES_SCORED_TOPIC, keys))
                .containsExactlyElementsOf(leadIds.stream().map(UUID::toString).toList());
        assertThat(seenInBatch(leadIds, "count(*)")).isEqualTo(backlog.size());
        assertThat(seenInBatch(leadIds, "count(DISTINCT event_id)")).isEqualTo(backlog.size());
        // The handler was given many events in one call, not one at a time.
        assertThat(seenInBatch(leadIds, "max(batch_size)")).isGreaterThan(1);
    }

    @Test
    void batchHandlerFailureDeadLettersOnlyTheEventThatFails() {
        List<LeadCaptured> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            backlog.add(captured(UUID.randomUUID(), i == 30 ? TestConsumer.FAILS_IN_PROCESSING : "Ada"));
        }
        String key = UUID.randomUUID().toString();
        KafkaTopics.sendAll(bootstrapServers, TestConsumer.BATCHES_TOPIC, backlog.stream()
                .map(event -> new KafkaTopics.Outgoing(key, json(event), LeadCaptured.TYPE, event.eventId().toString()))
                .toList());

        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordsWithKey(TestConsumer.BATCHES_TOPIC + Topics.DEAD_LETTER_SUFFIX, key),
                        r -> !r.isEmpty());
        assertThat(dead).extracting(r -> header(r, "dead-letter-reason"))
                .containsExactly("first name " + TestConsumer.FAILS_IN_PROCESSING);
        assertThat(dead.get(0).value()).contains(backlog.get(30).eventId().toString());
        List<UUID> processed = backlog.stream().filter(event -> event != backlog.get(30))
                .map(LeadCaptured::leadId).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> seenInBatch(processed, "count(*)") == processed.size());
        assertThat(seenInBatch(List.of(backlog.get(30).leadId()), "count(*)")).isZero();
    }

    @Test
    void relaysABacklogOfManyPagesInOutboxOrder() throws Exception {
        UUID leadId = UUID.randomUUID();
        List<LeadScored> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            backlog.add(scored(leadId));
        }
        // Left by a crash: committed a minute ago, never sent; more than two of the relay's pages (500 each).
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at)
                        SELECT event_id, ?2, ?3, ?4, payload, now() - interval '1 minute'
                        FROM unnest(?1, ?5) WITH ORDINALITY AS e(event_id, payload, position) ORDER BY position""")
                .setParameter(1, backlog.stream().map(LeadScored::eventId).toArray(UUID[]::new))
                .setParameter(2, Topics.LEADS_SCORED)
                .setParameter(3, leadId.toString())
                .setParameter(4, LeadScored.TYPE)
                .setParameter(5, backlog.stream().map(this::json).toArray(String[]::new))
                .executeUpdate());

        List<ConsumerRecord<String, String>> relayed = await().atMost(Duration.ofSeconds(60))
                .until(() -> recordsFor(Topics.LEADS_SCORED, leadId), r -> r.size() >= backlog.size());
        assertThat(relayed).extracting(r -> header(r, "ce_id"))
                .containsExactlyElementsOf(backlog.stream().map(event -> event.eventId().toString()).toList());
    }

    @Test
    void publishesNothingWhenTheTransactionRollsBack() {
        UUID leadId = UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.add(Topics.LEADS_SCORED, LeadScored.TYPE, leadId.toString(), scored(leadId));
            throw new IllegalStateException("rolled back on purpose");
        })).hasMessageContaining("on purpose");

        assertThat(outboxRows(leadId)).isZero();
        assertThat(recordsFor(Topics.LEADS_SCORED, leadId)).isEmpty();
    }

    @Test
    void relaysEventsLeftUnpublishedByACrash() throws Exception {
        UUID leadId = UUID.randomUUID();
        LeadScored event = scored(leadId);
        String payload = objectMapper.writeValueAsString(event);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, record_key, event_type, payload, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, now() - interval '1 minute')""")
                .setParameter(1, event.eventId()).setParameter(2, Topics.LEADS_SCORED)
                .setParameter(3, leadId.toString()).setParameter(4, LeadScored.TYPE)
                .setParameter(5, payload).executeUpdate());

        await().atMost(Duration.ofSeconds(30)).until(() -> recordsFor(Topics.LEADS_SCORED, leadId).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                entityManager.createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_id = ?1 "
                        + "AND published_at IS NOT NULL").setParameter(1, event.eventId()).getSingleResult())
                .toString().equals("1"));
    }

    private long countSeen(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT count(s) FROM SeenLead s WHERE s.leadId = :lead", Long.class)
                .setParameter("lead", leadId).getSingleResult());
    }

    private long outboxRows(UUID leadId) {
        return outboxRows(leadId.toString());
    }

    @SuppressWarnings("unchecked")
    private List<String> outboxKeysInOrder(String topic, Set<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<String>) entityManager
                .createNativeQuery("SELECT record_key FROM outbox_event WHERE topic = ?1 ORDER BY id")
                .setParameter(1, topic).getResultList()).stream().filter(keys::contains).toList());
    }

    private long outboxRows(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE record_key = ?1")
                .setParameter(1, key).getSingleResult()).longValue());
    }

    private static LeadCaptured captured(UUID leadId) {
        return captured(leadId, null);
    }

    private static LeadCaptured captured(UUID leadId, String firstName) {
        return new LeadCaptured(UUID.randomUUID(), leadId, "demo", Instant.now(), false,
                new LeadProfile("ada@example.com", firstName, null, null, null, null, null, null, null),
                null, false, null, null, null, null);
    }

    private long seenInBatch(List<UUID> leadIds, String aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT coalesce(" + aggregate + ", 0) FROM seen_in_batch WHERE lead_id = ANY(?1)")
                .setParameter(1, leadIds.toArray(UUID[]::new)).getSingleResult()).longValue());
    }

    private <T> T json(String value, Class<T> type) {
        try {
            return objectMapper.readValue(value, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double batches() {
        var summary = registry.find("leadflow_events_batch_size").tag("topic", Topics.LEADS_CAPTURED).summary();
        return summary == null ? 0 : summary.count();
    }

    private static LeadScored scored(UUID leadId) {
        return new LeadScored(UUID.randomUUID(), leadId, "test", 0, 0, 0, 100, false, List.of(), Instant.now(),
                Instant.now());
    }

    private void send(String topic, String key, String value, String ceType, UUID ceId) {
        KafkaTopics.send(bootstrapServers, topic, key, value, ceType, ceId.toString());
    }

    private List<ConsumerRecord<String, String>> recordsFor(String topic, UUID leadId) {
        return recordsWithKey(topic, leadId.toString());
    }

    private List<ConsumerRecord<String, String>> recordsWithKey(String topic, String key) {
        return KafkaTopics.readByKey(bootstrapServers, topic, key);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaTopics.header(record, name);
    }
}
