package dev.leadflow.reporting.timeline.rest;

import dev.leadflow.reporting.lifecycle.LeadLifecycle;
import dev.leadflow.reporting.lifecycle.LeadTimeline;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's timeline as served: when it reached each stage (null until it has), its latest score and owner, and
 * every event in time order.
 */
public record TimelineView(UUID leadId, Stages stages, Integer score, Owner owner, List<Event> events) {

    public record Stages(Instant capturedAt, Instant scoredAt, Instant qualifiedAt, Instant routedAt,
            Instant contactedAt, Instant slaBreachedAt) {
    }

    public record Owner(String id, String name, String type) {
    }

    public record Event(UUID eventId, String type, Instant occurredAt, String summary) {
    }

    static TimelineView of(LeadTimeline timeline) {
        LeadLifecycle lifecycle = timeline.lifecycle();
        Stages stages = new Stages(lifecycle.capturedAt(), lifecycle.scoredAt(), lifecycle.qualifiedAt(),
                lifecycle.routedAt(), lifecycle.contactedAt(), lifecycle.slaBreachedAt());
        Integer score = lifecycle.latestScore() == null ? null : lifecycle.latestScore().total();
        Owner owner = lifecycle.owner() == null ? null
                : new Owner(lifecycle.owner().id(), lifecycle.owner().name(), lifecycle.owner().type());
        List<Event> events = timeline.events().stream()
                .map(e -> new Event(e.eventId(), e.type(), e.occurredAt(), e.summary()))
                .toList();
        return new TimelineView(lifecycle.leadId(), stages, score, owner, events);
    }
}
