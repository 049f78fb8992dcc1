package dev.leadflow.routing.crm;

import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.OpportunityCreated;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.OpportunityWon;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.messaging.inbox.EventConsumer.Handler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sales outcomes from {@code crm.activities}, once per event id: first contact stops the lead's SLA timer, an outcome
 * (disqualified, opportunity created/won/lost) ends its assignment. A record of another type goes to
 * {@code crm.activities.dlq} like any poison. A poll is one transaction ({@link EventConsumer#consumeBatch}).
 */
@ApplicationScoped
public class CrmActivityConsumer {

    static final String CONSUMER_NAME = "routing.crm-activity";

    private final EventConsumer consumer;
    private final CrmOutcomes outcomes;
    /** Outcomes by CloudEvents type; lead.contacted, and anything else, goes to {@link #contacted}. */
    private final Map<String, Handler<?>> handlers;
    /** Decoding refuses a foreign or missing ce_type as poison, so unknown records are dead-lettered. */
    private final Handler<LeadContacted> contacted;

    CrmActivityConsumer(EventConsumer consumer, CrmOutcomes outcomes) {
        this.consumer = consumer;
        this.outcomes = outcomes;
        this.handlers = outcomeHandlers();
        this.contacted = contacted();
    }

    @Incoming("crm-activities")
    @Blocking
    public CompletionStage<Void> onCrmActivities(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, record -> {
            String type = EventConsumer.ceType(record);
            return type == null ? contacted : handlers.getOrDefault(type, contacted);
        });
    }

    private Handler<LeadContacted> contacted() {
        return new Handler<>(LeadContacted.class, CONSUMER_NAME, outcomes::contacted);
    }

    private Map<String, Handler<?>> outcomeHandlers() {
        return Map.of(
                EventTypes.LEAD_DISQUALIFIED, new Handler<>(LeadDisqualified.class, CONSUMER_NAME,
                        event -> outcomes.ended(event.leadId(), EventTypes.LEAD_DISQUALIFIED, event.occurredAt())),
                EventTypes.OPPORTUNITY_CREATED, new Handler<>(OpportunityCreated.class, CONSUMER_NAME,
                        event -> outcomes.ended(event.leadId(), EventTypes.OPPORTUNITY_CREATED, event.occurredAt())),
                EventTypes.OPPORTUNITY_WON, new Handler<>(OpportunityWon.class, CONSUMER_NAME,
                        event -> outcomes.ended(event.leadId(), EventTypes.OPPORTUNITY_WON, event.occurredAt())),
                EventTypes.OPPORTUNITY_LOST, new Handler<>(OpportunityLost.class, CONSUMER_NAME,
                        event -> outcomes.ended(event.leadId(), EventTypes.OPPORTUNITY_LOST, event.occurredAt())));
    }
}
