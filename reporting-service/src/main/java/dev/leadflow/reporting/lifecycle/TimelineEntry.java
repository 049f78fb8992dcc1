package dev.leadflow.reporting.lifecycle;

import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadCaptured;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadQualified;
import dev.leadflow.events.LeadRouted;
import dev.leadflow.events.LeadScored;
import dev.leadflow.events.LeadSlaBreached;
import dev.leadflow.events.OwnerType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event in a lead's timeline with a short summary for people. Summaries name forms, scores, rules and
 * owners, never the lead's personal data (email, names, phone, company).
 */
public record TimelineEntry(UUID eventId, String type, Instant occurredAt, String summary) {

    /** Lifecycle order of event types, which breaks ties between events stamped with the same instant. */
    private static final List<String> LIFECYCLE_ORDER = List.of(EventTypes.LEAD_CAPTURED, EventTypes.LEAD_SCORED,
            EventTypes.LEAD_QUALIFIED, EventTypes.LEAD_ROUTED, EventTypes.LEAD_CONTACTED,
            EventTypes.LEAD_SLA_BREACHED);

    /** Time order; same-instant events in lifecycle order, then by event id so the order is total. */
    public static final Comparator<TimelineEntry> CHRONOLOGICAL = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparingInt(TimelineEntry::lifecycleRank)
            .thenComparing(TimelineEntry::eventId);

    public TimelineEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
    }

    public static TimelineEntry of(LeadCaptured event) {
        String summary = (event.returning() ? "returning lead captured" : "captured")
                + (event.formId() == null ? "" : " from form " + event.formId());
        return new TimelineEntry(event.eventId(), LeadCaptured.TYPE, event.capturedAt(), summary);
    }

    public static TimelineEntry of(LeadScored event) {
        return new TimelineEntry(event.eventId(), LeadScored.TYPE, event.scoredAt(),
                "scored %d (fit %d, engagement %d)".formatted(event.total(), event.fit(), event.engagement()));
    }

    public static TimelineEntry of(LeadQualified event) {
        return new TimelineEntry(event.eventId(), LeadQualified.TYPE, event.qualifiedAt(),
                "qualified with score %d (threshold %d)".formatted(event.total(), event.threshold()));
    }

    public static TimelineEntry of(LeadRouted event) {
        String owner = event.ownerName() != null ? event.ownerName() : event.ownerId();
        String summary = (OwnerType.QUEUE.equals(event.ownerType()) ? "routed to queue " : "routed to ") + owner
                + (event.ruleId() == null ? "" : " by rule " + event.ruleId());
        return new TimelineEntry(event.eventId(), LeadRouted.TYPE, event.routedAt(), summary);
    }

    public static TimelineEntry of(LeadContacted event) {
        String summary = "contacted" + (event.repId() == null ? "" : " by " + event.repId())
                + (event.channel() == null ? "" : " via " + event.channel());
        return new TimelineEntry(event.eventId(), LeadContacted.TYPE, event.contactedAt(), summary);
    }

    public static TimelineEntry of(LeadSlaBreached event) {
        String summary = "SLA breached" + (event.ownerId() == null ? "" : " by " + event.ownerId())
                + (event.slaDueAt() == null ? "" : " (contact was due at " + event.slaDueAt() + ")");
        return new TimelineEntry(event.eventId(), LeadSlaBreached.TYPE, event.breachedAt(), summary);
    }

    private int lifecycleRank() {
        int rank = LIFECYCLE_ORDER.indexOf(type);
        return rank < 0 ? LIFECYCLE_ORDER.size() : rank;
    }
}
