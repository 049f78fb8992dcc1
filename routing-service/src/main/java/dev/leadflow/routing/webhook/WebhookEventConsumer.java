package dev.leadflow.routing.webhook;

import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.messaging.inbox.EventConsumer;
import dev.leadflow.messaging.inbox.EventConsumer.Handler;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each {@code lead.routed} and {@code lead.sla-breached} event into one pending delivery per subscribed
 * active endpoint, in the transaction that records the event in the inbox (consumer group
 * {@code routing-service-webhooks}, independent of routing itself). The body sent is the record's value exactly as
 * on Kafka; its CloudEvents source and time come from the record's headers. A poll is one transaction
 * ({@link EventConsumer#consumeBatch}).
 */
@ApplicationScoped
public class WebhookEventConsumer {

    static final String ROUTED_CONSUMER = "routing.webhooks.lead-routed";
    static final String SLA_BREACHED_CONSUMER = "routing.webhooks.lead-sla-breached";
    private static final String DEFAULT_SOURCE = "/leadflow/routing-service";

    private final EventConsumer consumer;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookEventConsumer(EventConsumer consumer, WebhookDeliveries deliveries, Clock clock) {
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Incoming("webhook-leads-routed")
    @Blocking
    public CompletionStage<Void> onLeadsRouted(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, new Handler<>(LeadRouted.class, ROUTED_CONSUMER,
                (record, event) -> enqueue(record, LeadRouted.TYPE, event)));
    }

    @Incoming("webhook-leads-sla-breached")
    @Blocking
    public CompletionStage<Void> onLeadsSlaBreached(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, new Handler<>(LeadSlaBreached.class, SLA_BREACHED_CONSUMER,
                (record, event) -> enqueue(record, LeadSlaBreached.TYPE, event)));
    }

    private void enqueue(ConsumerRecord<String, String> record, String type, LeadflowEvent event) {
        String source = header(record, "ce_source");
        deliveries.enqueue(type, event.eventId(), event.leadId(), source == null ? DEFAULT_SOURCE : source,
                time(record), record.value());
    }

    private Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, "ce_time");
        if (time != null) {
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                // Not an RFC 3339 time: the record's own timestamp is the next best thing.
            }
        }
        return record.timestamp() > 0 ? Instant.ofEpochMilli(record.timestamp()) : clock.instant();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
