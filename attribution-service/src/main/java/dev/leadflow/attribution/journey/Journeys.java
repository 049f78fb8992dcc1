package dev.leadflow.attribution.journey;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds a lead's journey from its touchpoints, whatever order they were stored or delivered in. */
public final class Journeys {

    /**
     * Time order: when it happened, then when it was recorded (a form submit after the page view of the same
     * instant), then the touchpoint id, so equal timestamps still give the same order on every read.
     */
    public static final Comparator<Touchpoint> TIME_ORDER = Comparator.comparing(Touchpoint::occurredAt)
            .thenComparing(Touchpoint::recordedAt)
            .thenComparing(Touchpoint::touchpointId);

    private Journeys() {
    }

    /**
     * The journey of {@code leadId}, listing at most {@code maxListed} touchpoints (the most recent ones);
     * first and last touch always describe the whole journey. Empty when the lead has no touchpoint at all.
     */
    public static Optional<Journey> assemble(UUID leadId, Collection<Touchpoint> touchpoints, int maxListed) {
        if (maxListed < 1) {
            throw new IllegalArgumentException("maxListed must be at least 1, was " + maxListed);
        }
        if (touchpoints.isEmpty()) {
            return Optional.empty();
        }
        List<Touchpoint> ordered = touchpoints.stream().sorted(TIME_ORDER).toList();
        List<Touchpoint> listed = ordered.subList(Math.max(0, ordered.size() - maxListed), ordered.size());
        return Optional.of(new Journey(leadId, listed, ordered.size(),
                TouchSummary.of(ordered.get(0)), TouchSummary.of(ordered.get(ordered.size() - 1))));
    }
}
