package dev.leadflow.scoring.messaging;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.messaging.inbox.EventConsumer.Handler;
import dev.leadflow.scoring.lead.LeadScoringService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The Kafka edge: each record is processed once per event id (the inbox), poison goes to the topic's {@code .dlq}
 * (see the channels' failure strategy in application.properties). Each channel takes a poll at a time, in one
 * transaction ({@link EventConsumer#consumeBatch}); captures and touchpoints are scored a whole poll at
 * once.
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
    public CompletionStage<Void> onLeadsCaptured(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Handler.ofBatches(LeadCaptured.class, LEAD_CAPTURED_CONSUMER,
                scoring::onLeadsCaptured));
    }

    @Incoming("touchpoints-recorded")
    @Blocking
    public CompletionStage<Void> onTouchpointsRecorded(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Handler.ofBatches(TouchpointRecorded.class, TOUCHPOINT_RECORDED_CONSUMER,
                scoring::onTouchpointsRecorded));
    }

    /**
     * Only {@code opportunity.lost} and {@code lead.disqualified} concern scoring (both recycle the lead). Every other
     * record of the shared topic, of a known type or not, is left to its owners: reporting-service and
     * routing-service consume the rest of {@code crm.activities} and dead-letter what they cannot read.
     */
    @Incoming("crm-activities")
    @Blocking
    public CompletionStage<Void> onCrmActivities(KafkaRecordBatch<String, String> batch) {
        Handler<OpportunityLost> opportunityLost = new Handler<>(OpportunityLost.class, OPPORTUNITY_LOST_CONSUMER,
                scoring::onOpportunityLost);
        Handler<LeadDisqualified> disqualified = new Handler<>(LeadDisqualified.class, LEAD_DISQUALIFIED_CONSUMER,
                scoring::onLeadDisqualified);
        return consumer.consumeBatch(batch, record -> {
            String type = EventConsumer.ceType(record);
            return OpportunityLost.TYPE.equals(type) ? opportunityLost
                    : LeadDisqualified.TYPE.equals(type) ? disqualified : null;
        });
    }
}
