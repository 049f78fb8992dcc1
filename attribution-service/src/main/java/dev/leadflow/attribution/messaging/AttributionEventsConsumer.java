package dev.leadflow.attribution.messaging;

import dev.leadflow.attribution.tracking.TouchpointTracker;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.messaging.inbox.EventConsumer.Handler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds captures and touchpoints from Kafka to the tracker, once per event (poison goes to the channel's DLQ), a
 * poll at a time in one transaction ({@link EventConsumer#consumeBatch}).
 */
@ApplicationScoped
public class AttributionEventsConsumer {

    static final String LEAD_CAPTURED_CONSUMER = "attribution.lead-captured";
    static final String TOUCHPOINT_RECORDED_CONSUMER = "attribution.touchpoint-recorded";

    private final EventConsumer consumer;
    private final TouchpointTracker tracker;

    AttributionEventsConsumer(EventConsumer consumer, TouchpointTracker tracker) {
        this.consumer = consumer;
        this.tracker = tracker;
    }

    @Incoming("leads-captured")
    @Blocking
    public CompletionStage<Void> onLeadsCaptured(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, new Handler<>(LeadCaptured.class, LEAD_CAPTURED_CONSUMER,
                tracker::onLeadCaptured));
    }

    @Incoming("touchpoints-recorded")
    @Blocking
    public CompletionStage<Void> onTouchpointsRecorded(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, new Handler<>(TouchpointRecorded.class, TOUCHPOINT_RECORDED_CONSUMER,
                tracker::onTouchpointRecorded));
    }
}
