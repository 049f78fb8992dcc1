package dev.leadflow.reporting.lifecycle.messaging;

import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.reporting.lifecycle.projection.LifecycleProjector;
import dev.leadflow.messaging.inbox.EventConsumer.Handler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds every lifecycle event topic into the projection, once per event id. Each channel takes what one poll
 * returned as a batch (one transaction per batch, see {@link EventConsumer#consumeBatch}), projected at once.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** Valid CRM activities that say nothing about speed-to-lead; acknowledged without effect, not dead-lettered. */
    static final Set<String> IGNORED_CRM_TYPES = Set.of(EventTypes.OPPORTUNITY_CREATED, EventTypes.OPPORTUNITY_WON,
            EventTypes.OPPORTUNITY_LOST, EventTypes.LEAD_DISQUALIFIED);

    private final EventConsumer consumer;
    private final LifecycleProjector projector;

    LifecycleConsumers(EventConsumer consumer, LifecycleProjector projector) {
        this.consumer = consumer;
        this.projector = projector;
    }

    @Incoming("leads-captured")
    @Blocking
    public CompletionStage<Void> onLeadCaptured(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Handler.ofBatches(LeadCaptured.class, "reporting.lead-captured",
                projector::onCapturedBatch));
    }

    @Incoming("leads-scored")
    @Blocking
    public CompletionStage<Void> onLeadScored(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Handler.ofBatches(LeadScored.class, "reporting.lead-scored",
                projector::onScoredBatch));
    }

    @Incoming("leads-qualified")
    @Blocking
    public CompletionStage<Void> onLeadQualified(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Handler.ofBatches(LeadQualified.class, "reporting.lead-qualified",
                projector::onQualifiedBatch));
    }

    @Incoming("leads-routed")
    @Blocking
    public CompletionStage<Void> onLeadRouted(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Handler.ofBatches(LeadRouted.class, "reporting.lead-routed",
                projector::onRoutedBatch));
    }

    @Incoming("leads-sla-breached")
    @Blocking
    public CompletionStage<Void> onLeadSlaBreached(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, Handler.ofBatches(LeadSlaBreached.class, "reporting.lead-sla-breached",
                projector::onSlaBreachedBatch));
    }

    /** Unknown or missing types are decoded as {@code lead.contacted}, fail, and so go to the dead-letter topic. */
    @Incoming("crm-activities")
    @Blocking
    public CompletionStage<Void> onCrmActivities(KafkaRecordBatch<String, String> batch) {
        Handler<LeadContacted> contacted = Handler.ofBatches(LeadContacted.class, "reporting.lead-contacted",
                projector::onContactedBatch);
        return consumer.consumeBatch(batch,
                record -> IGNORED_CRM_TYPES.contains(EventConsumer.ceType(record)) ? null : contacted);
    }
}
