package dev.leadflow.routing.messaging;

import dev.leadflow.events.LeadQualified;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.messaging.inbox.EventConsumer.Handler;
import dev.leadflow.routing.assignment.LeadRouter;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Routes each qualification from {@code leads.qualified} once; poison goes to {@code leads.qualified.dlq}. A poll's
 * qualifications are routed in one transaction ({@link EventConsumer#consumeBatch}). Two routing instances whose
 * batches lock the same two teams in opposite order deadlock; PostgreSQL breaks that within a second and the batch
 * is retried as a transient failure, so a turn is neither lost nor given twice.
 */
@ApplicationScoped
public class LeadQualifiedConsumer {

    static final String CONSUMER_NAME = "routing.lead-qualified";

    private final EventConsumer consumer;
    private final LeadRouter router;

    LeadQualifiedConsumer(EventConsumer consumer, LeadRouter router) {
        this.consumer = consumer;
        this.router = router;
    }

    @Incoming("leads-qualified")
    @Blocking
    public CompletionStage<Void> onLeadsQualified(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, new Handler<>(LeadQualified.class, CONSUMER_NAME, router::route));
    }
}
