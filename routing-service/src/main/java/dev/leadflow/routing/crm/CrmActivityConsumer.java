package dev.leadflow.routing.crm;

import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.OpportunityCreated;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.OpportunityWon;
import dev.leadflow.messaging.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sales outcomes from {@code crm.activities}, once per event id: first contact stops the lead's SLA timer, an outcome
 * (disqualified, opportunity created/won/lost) ends its assignment. A record of another type goes to
 * {@code crm.activities.dlq} like any poison.
 */
@ApplicationScoped
public class CrmActivityConsumer {

    static final String CONSUMER_NAME = "routing.crm-activity";

    private final EventConsumer consumer;
    private final CrmOutcomes outcomes;

    CrmActivityConsumer(EventConsumer consumer, CrmOutcomes outcomes) {
        this.consumer = consumer;
        this.outcomes = outcomes;
    }

    @Incoming("crm-activities")
    @Blocking
    public void onCrmActivity(ConsumerRecord<String, String> record) {
        String type = EventConsumer.ceType(record);
        if (EventTypes.LEAD_DISQUALIFIED.equals(type)) {
            consumer.consume(record, LeadDisqualified.class, CONSUMER_NAME,
                    event -> outcomes.ended(event.leadId(), type, event.occurredAt()));
        } else if (EventTypes.OPPORTUNITY_CREATED.equals(type)) {
            consumer.consume(record, OpportunityCreated.class, CONSUMER_NAME,
                    event -> outcomes.ended(event.leadId(), type, event.occurredAt()));
        } else if (EventTypes.OPPORTUNITY_WON.equals(type)) {
            consumer.consume(record, OpportunityWon.class, CONSUMER_NAME,
                    event -> outcomes.ended(event.leadId(), type, event.occurredAt()));
        } else if (EventTypes.OPPORTUNITY_LOST.equals(type)) {
            consumer.consume(record, OpportunityLost.class, CONSUMER_NAME,
                    event -> outcomes.ended(event.leadId(), type, event.occurredAt()));
        } else {
            // lead.contacted, and anything else: decoding refuses a foreign or missing ce_type as poison.
            consumer.consume(record, LeadContacted.class, CONSUMER_NAME, outcomes::contacted);
        }
    }
}
