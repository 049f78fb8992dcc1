package dev.leadflow.routing.messaging;

import dev.leadflow.events.LeadQualified;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.routing.assignment.LeadRouter;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Routes each qualification from {@code leads.qualified} once; poison goes to {@code leads.qualified.dlq}. */
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
    public void onLeadQualified(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadQualified.class, CONSUMER_NAME, router::route);
    }
}
