package dev.leadflow.reporting.lifecycle.repository;

import dev.leadflow.reporting.lifecycle.TimelineEntry;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code timeline_event}, as the timeline endpoint reads it; events are appended with a native insert. */
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

    TimelineEntry toDomain() {
        return new TimelineEntry(eventId, eventType, occurredAt, summary);
    }
}
