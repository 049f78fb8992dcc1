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
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds every lifecycle event topic into the projection, once per event id. */
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
    public void onLeadCaptured(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadCaptured.class, "reporting.lead-captured", projector::onCaptured);
    }

    @Incoming("leads-scored")
    @Blocking
    public void onLeadScored(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadScored.class, "reporting.lead-scored", projector::onScored);
    }

    @Incoming("leads-qualified")
    @Blocking
    public void onLeadQualified(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadQualified.class, "reporting.lead-qualified", projector::onQualified);
    }

    @Incoming("leads-routed")
    @Blocking
    public void onLeadRouted(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadRouted.class, "reporting.lead-routed", projector::onRouted);
    }

    @Incoming("leads-sla-breached")
    @Blocking
    public void onLeadSlaBreached(ConsumerRecord<String, String> record) {
        consumer.consume(record, LeadSlaBreached.class, "reporting.lead-sla-breached", projector::onSlaBreached);
    }

    /** Unknown or missing types still go through {@link EventConsumer#consume} and so to the dead-letter topic. */
    @Incoming("crm-activities")
    @Blocking
    public void onCrmActivity(ConsumerRecord<String, String> record) {
        if (IGNORED_CRM_TYPES.contains(EventConsumer.ceType(record))) {
            return;
        }
        consumer.consume(record, LeadContacted.class, "reporting.lead-contacted", projector::onContacted);
    }
}
