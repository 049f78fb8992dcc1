package dev.leadflow.attribution.messaging;

import dev.leadflow.attribution.tracking.TouchpointTracker;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.messaging.inbox.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds captures and touchpoints from Kafka to the tracker, once per event (poison goes to the channel's DLQ). */
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
    public void onLeadCaptured(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadCaptured.class, LEAD_CAPTURED_CONSUMER, tracker::onLeadCaptured);
    }

    @Incoming("touchpoints-recorded")
    @Blocking
    public void onTouchpointRecorded(ConsumerRecord<String, String> record) {
        consumer.consume(record, TouchpointRecorded.class, TOUCHPOINT_RECORDED_CONSUMER, tracker::onTouchpointRecorded);
    }
}
