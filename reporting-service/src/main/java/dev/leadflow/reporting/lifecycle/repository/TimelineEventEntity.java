package dev.leadflow.reporting.lifecycle.repository;

import dev.leadflow.reporting.lifecycle.TimelineEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code timeline_event}. */
@Entity
@Table(name = "timeline_event")
class TimelineEventEntity {

    @Id
    private UUID eventId;
    private UUID leadId;
    private String eventType;
    private Instant occurredAt;
    private String summary;

    protected TimelineEventEntity() {
    }

    TimelineEventEntity(UUID leadId, TimelineEntry entry) {
        this.eventId = entry.eventId();
        this.leadId = leadId;
        this.eventType = entry.type();
        this.occurredAt = entry.occurredAt();
        this.summary = entry.summary();
    }

    TimelineEntry toDomain() {
        return new TimelineEntry(eventId, eventType, occurredAt, summary);
    }
}
