package dev.leadflow.scoring.messaging;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.scoring.lead.LeadScoringService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka edge: each record is processed once per event id (the inbox), poison goes to the topic's {@code .dlq}
 * (see the channels' failure strategy in application.properties).
 */
@ApplicationScoped
public class ScoringConsumers {

    private static final String LEAD_CAPTURED_CONSUMER = "scoring.lead-captured";
    private static final String TOUCHPOINT_RECORDED_CONSUMER = "scoring.touchpoint-recorded";
    private static final String OPPORTUNITY_LOST_CONSUMER = "scoring.opportunity-lost";
    private static final String LEAD_DISQUALIFIED_CONSUMER = "scoring.lead-disqualified";

    private final EventConsumer consumer;
    private final LeadScoringService scoring;

    ScoringConsumers(EventConsumer consumer, LeadScoringService scoring) {
        this.consumer = consumer;
        this.scoring = scoring;
    }

    @Incoming("leads-captured")
    @Blocking
    public void onLeadCaptured(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadCaptured.class, LEAD_CAPTURED_CONSUMER, scoring::onLeadCaptured);
    }

    @Incoming("touchpoints-recorded")
    @Blocking
    public void onTouchpointRecorded(ConsumerRecord<String, String> record) {
        consumer.consume(record, TouchpointRecorded.class, TOUCHPOINT_RECORDED_CONSUMER,
                scoring::onTouchpointRecorded);
    }

    /**
     * Only {@code opportunity.lost} and {@code lead.disqualified} concern scoring (both recycle the lead). Every other record of the shared topic,
     * of a known type or not, is left to its owners: reporting-service consumes the rest of {@code crm.activities}
     * and dead-letters what nobody can read, so a poison record is dead-lettered once, not once per service.
     */
    @Incoming("crm-activities")
    @Blocking
    public void onCrmActivity(ConsumerRecord<String, String> record) {
        String type = EventConsumer.ceType(record);
        if (OpportunityLost.TYPE.equals(type)) {
            consumer.consume(record, OpportunityLost.class, OPPORTUNITY_LOST_CONSUMER, scoring::onOpportunityLost);
        } else if (LeadDisqualified.TYPE.equals(type)) {
            consumer.consume(record, LeadDisqualified.class, LEAD_DISQUALIFIED_CONSUMER, scoring::onLeadDisqualified);
        }
    }
}
