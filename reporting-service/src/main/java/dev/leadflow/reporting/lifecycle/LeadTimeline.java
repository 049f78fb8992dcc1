package dev.leadflow.reporting.lifecycle;

import java.util.List;
import java.util.Objects;

/** A lead's lifecycle stages and every projected event, in {@link TimelineEntry#CHRONOLOGICAL} order. */
public record LeadTimeline(LeadLifecycle lifecycle, List<TimelineEntry> events) {
    public LeadTimeline {
        Objects.requireNonNull(lifecycle, "lifecycle");
        events = events.stream().sorted(TimelineEntry.CHRONOLOGICAL).toList();
    }
}
