package dev.leadflow.reporting.lifecycle.projection;

import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.messaging.inbox.PoisonEventException;
import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import dev.leadflow.reporting.lifecycle.LifecycleChange;
import dev.leadflow.reporting.lifecycle.Observation;
import dev.leadflow.reporting.lifecycle.TimelineEntry;
import dev.leadflow.reporting.lifecycle.repository.LifecycleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Projects lifecycle events into the lead's stages and timeline, a poll's events of one type at once. Runs inside the
 * inbox transaction of the events, so the projection, the timeline entries and the "processed" marks commit together;
 * observations are fired to {@code AFTER_SUCCESS} observers and so measured only once that transaction committed.
 */
@ApplicationScoped
public class LifecycleProjector {

    private final LifecycleRepository repository;
    private final Event<Observation> observations;

    LifecycleProjector(LifecycleRepository repository, Event<Observation> observations) {
        this.repository = repository;
        this.observations = observations;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCaptured(LeadCaptured event) {
        onCapturedBatch(List.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onScored(LeadScored event) {
        onScoredBatch(List.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onQualified(LeadQualified event) {
        onQualifiedBatch(List.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onRouted(LeadRouted event) {
        onRoutedBatch(List.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onContacted(LeadContacted event) {
        onContactedBatch(List.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSlaBreached(LeadSlaBreached event) {
        onSlaBreachedBatch(List.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCapturedBatch(List<LeadCaptured> events) {
        events.forEach(event -> requireOccurredAt(event.leadId(), event.capturedAt(), "capturedAt"));
        project(events, LeadCaptured::leadId, (lifecycle, event) -> lifecycle.apply(event), TimelineEntry::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onScoredBatch(List<LeadScored> events) {
        events.forEach(event -> requireOccurredAt(event.leadId(), event.scoredAt(), "scoredAt"));
        project(events, LeadScored::leadId, (lifecycle, event) -> lifecycle.apply(event), TimelineEntry::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onQualifiedBatch(List<LeadQualified> events) {
        events.forEach(event -> requireOccurredAt(event.leadId(), event.qualifiedAt(), "qualifiedAt"));
        project(events, LeadQualified::leadId, (lifecycle, event) -> lifecycle.apply(event), TimelineEntry::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onRoutedBatch(List<LeadRouted> events) {
        events.forEach(event -> {
            requireOccurredAt(event.leadId(), event.routedAt(), "routedAt");
            PoisonEventException.require(event.ownerId() != null, "missing ownerId");
        });
        project(events, LeadRouted::leadId, (lifecycle, event) -> lifecycle.apply(event), TimelineEntry::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onContactedBatch(List<LeadContacted> events) {
        events.forEach(event -> requireOccurredAt(event.leadId(), event.contactedAt(), "contactedAt"));
        project(events, LeadContacted::leadId, (lifecycle, event) -> lifecycle.apply(event), TimelineEntry::of);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSlaBreachedBatch(List<LeadSlaBreached> events) {
        events.forEach(event -> requireOccurredAt(event.leadId(), event.breachedAt(), "breachedAt"));
        project(events, LeadSlaBreached::leadId, (lifecycle, event) -> lifecycle.apply(event), TimelineEntry::of);
    }

    /**
     * Projects a batch of events of one type: every lead's lifecycle changed in event order with shared statements
     * ({@link LifecycleRepository#updateAll}), every timeline entry added with one insert, and each event's
     * observations fired, in order, as one event at a time would.
     */
    private <E> void project(List<E> events, Function<E, UUID> leadOf,
            BiFunction<LeadLifecycle, E, LifecycleChange> apply, Function<E, TimelineEntry> entryOf) {
        List<LifecycleChange> results = repository.updateAll(events.stream()
                .map(event -> new LifecycleRepository.LeadChange(leadOf.apply(event),
                        lifecycle -> apply.apply(lifecycle, event)))
                .toList());
        repository.appendAll(events.stream()
                .map(event -> Map.entry(leadOf.apply(event), entryOf.apply(event))).toList());
        results.forEach(result -> result.observations().forEach(observations::fire));
    }

    /** Without its lead or its instant an event cannot be placed in any timeline, now or on a retry. */
    private static void requireOccurredAt(UUID leadId, Instant occurredAt, String field) {
        PoisonEventException.require(leadId != null, "missing leadId");
        PoisonEventException.require(occurredAt != null, "missing " + field);
    }
}
