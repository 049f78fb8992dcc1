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
import java.util.UUID;
import java.util.function.Function;

/**
 * Projects lifecycle events into the lead's stages and timeline. Runs inside the inbox transaction of the event,
 * so the projection, the timeline entry and the "processed" mark commit together; observations are fired to
 * {@code AFTER_SUCCESS} observers and so measured only once that transaction committed.
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
        requireOccurredAt(event.leadId(), event.capturedAt(), "capturedAt");
        project(event.leadId(), lifecycle -> lifecycle.apply(event), TimelineEntry.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onScored(LeadScored event) {
        requireOccurredAt(event.leadId(), event.scoredAt(), "scoredAt");
        project(event.leadId(), lifecycle -> lifecycle.apply(event), TimelineEntry.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onQualified(LeadQualified event) {
        requireOccurredAt(event.leadId(), event.qualifiedAt(), "qualifiedAt");
        project(event.leadId(), lifecycle -> lifecycle.apply(event), TimelineEntry.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onRouted(LeadRouted event) {
        requireOccurredAt(event.leadId(), event.routedAt(), "routedAt");
        PoisonEventException.require(event.ownerId() != null, "missing ownerId");
        project(event.leadId(), lifecycle -> lifecycle.apply(event), TimelineEntry.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onContacted(LeadContacted event) {
        requireOccurredAt(event.leadId(), event.contactedAt(), "contactedAt");
        project(event.leadId(), lifecycle -> lifecycle.apply(event), TimelineEntry.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSlaBreached(LeadSlaBreached event) {
        requireOccurredAt(event.leadId(), event.breachedAt(), "breachedAt");
        project(event.leadId(), lifecycle -> lifecycle.apply(event), TimelineEntry.of(event));
    }

    private void project(UUID leadId, Function<LeadLifecycle, LifecycleChange> change, TimelineEntry entry) {
        LifecycleChange result = repository.update(leadId, change);
        repository.append(leadId, entry);
        result.observations().forEach(observations::fire);
    }

    /** Without its lead or its instant an event cannot be placed in any timeline, now or on a retry. */
    private static void requireOccurredAt(UUID leadId, Instant occurredAt, String field) {
        PoisonEventException.require(leadId != null, "missing leadId");
        PoisonEventException.require(occurredAt != null, "missing " + field);
    }
}
