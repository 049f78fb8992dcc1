package dev.leadflow.capture.touchpoint;

import dev.leadflow.events.TouchpointRecorded;
import dev.leadflow.messaging.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stores {@code touchpoint.recorded} events in the outbox, all touchpoints of a request in one transaction. When
 * {@link #record} returns, they are committed and certain to be published.
 */
@ApplicationScoped
public class TouchpointRecorder {

    private final Outbox outbox;
    private final Clock clock;
    private final Counter recorded;

    TouchpointRecorder(Outbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        this.recorded = Counter.builder("leadflow.touchpoints.recorded")
                .description("Touchpoints accepted (committed with their touchpoint.recorded event)")
                .register(registry);
    }

    /** The ids of the recorded touchpoints, in the order given. */
    public List<UUID> record(List<TouchpointSubmission> touchpoints) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
            Instant recordedAt = clock.instant();
            return touchpoints.stream().map(t -> store(t, recordedAt)).toList();
        });
        recorded.increment(ids.size());
        return ids;
    }

    private UUID store(TouchpointSubmission touchpoint, Instant recordedAt) {
        TouchpointRecorded event = new TouchpointRecorded(UUID.randomUUID(), UUID.randomUUID(), touchpoint.leadId(),
                touchpoint.anonymousId(), touchpoint.type(), touchpoint.url(), touchpoint.campaign(), touchpoint.utm(),
                touchpoint.occurredAt(), recordedAt, touchpoint.channel());
        outbox.add(TouchpointRecorded.TOPIC, TouchpointRecorded.TYPE, touchpoint.recordKey(), event);
        return event.touchpointId();
    }
}
