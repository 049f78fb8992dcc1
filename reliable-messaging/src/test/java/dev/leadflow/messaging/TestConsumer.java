package dev.leadflow.messaging;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadScored;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.messaging.inbox.PoisonEventException;
import dev.leadflow.messaging.outbox.Outbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer built the way services build theirs: state change and outgoing event in one transaction. */
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

    @Incoming("test-in")
    @Blocking
    public void onLeadCaptured(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadCaptured.class, "test", this::handle);
    }

    void handle(LeadCaptured captured) {
        PoisonEventException.require(captured.leadId() != null, "missing leadId");
        SeenLead seen = new SeenLead();
        seen.eventId = captured.eventId();
        seen.leadId = captured.leadId();
        entityManager.persist(seen);
        outbox.add(LeadScored.TOPIC, LeadScored.TYPE, captured.leadId().toString(), new LeadScored(UUID.randomUUID(),
                captured.leadId(), "test", 1, 0, 1, 100, false, List.of(), captured.capturedAt(), Instant.now()));
    }
}
