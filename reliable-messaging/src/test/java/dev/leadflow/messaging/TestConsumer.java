package dev.leadflow.messaging;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadScored;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.messaging.inbox.PoisonEventException;
import dev.leadflow.messaging.outbox.Outbox;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer built the way services build theirs: a batch channel, state change and outgoing event in one
 * transaction. A lead whose first name is {@value #FAILS_IN_PROCESSING} fails while being processed (not while
 * being decoded), as an event a service cannot act on does.
 */
@ApplicationScoped
public class TestConsumer {

    private final EventConsumer consumer;
    private final EntityManager entityManager;
    private final Outbox outbox;

    TestConsumer(EventConsumer consumer, EntityManager entityManager, Outbox outbox) {
        this.consumer = consumer;
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    static final String FAILS_IN_PROCESSING = "Unprocessable";

    @Incoming("test-in")
    @Blocking
    public CompletionStage<Void> onLeadsCaptured(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, new EventConsumer.Handler<>(LeadCaptured.class, "test", this::handle));
    }

    /** The same, written the way a batch handler writes: the whole poll at once, one statement per table. */
    @Incoming("test-batches")
    @Blocking
    public CompletionStage<Void> onBatches(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, EventConsumer.Handler.ofBatches(LeadCaptured.class, "test-batches",
                this::handleAll));
    }

    static final String BATCHES_TOPIC = "messaging-test.batches";
    static final String BATCHES_SCORED_TOPIC = "messaging-test.batches.scored";

    void handleAll(List<LeadCaptured> captures) {
        captures.forEach(captured -> PoisonEventException.require(
                !FAILS_IN_PROCESSING.equals(captured.profile().firstName()), "first name " + FAILS_IN_PROCESSING));
        entityManager.createNativeQuery("""
                        INSERT INTO seen_in_batch (event_id, lead_id, batch_size)
                        SELECT event_id, lead_id, ?3 FROM unnest(?1, ?2) AS s(event_id, lead_id)""")
                .setParameter(1, captures.stream().map(LeadCaptured::eventId).toArray(UUID[]::new))
                .setParameter(2, captures.stream().map(LeadCaptured::leadId).toArray(UUID[]::new))
                .setParameter(3, captures.size())
                .executeUpdate();
        outbox.addAll(captures.stream().map(captured -> new Outbox.Outgoing(BATCHES_SCORED_TOPIC, LeadScored.TYPE,
                captured.key(), new LeadScored(UUID.randomUUID(), captured.leadId(), "test", 1, 0, 1, 100, false,
                        List.of(), captured.capturedAt(), Instant.now()))).toList());
    }

    void handle(LeadCaptured captured) {
        PoisonEventException.require(!FAILS_IN_PROCESSING.equals(captured.profile().firstName()),
                "first name " + FAILS_IN_PROCESSING);
        SeenLead seen = new SeenLead();
        seen.eventId = captured.eventId();
        seen.leadId = captured.leadId();
        entityManager.persist(seen);
        outbox.add(LeadScored.TOPIC, LeadScored.TYPE, captured.leadId().toString(), new LeadScored(UUID.randomUUID(),
                captured.leadId(), "test", 1, 0, 1, 100, false, List.of(), captured.capturedAt(), Instant.now()));
    }
}
