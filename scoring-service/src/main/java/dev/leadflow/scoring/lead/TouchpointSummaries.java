package dev.leadflow.scoring.lead;

import dev.leadflow.events.TouchpointSummary;
import dev.leadflow.scoring.model.Touchpoint;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lead's marketing history in brief, for {@code lead.qualified}; pure. */
final class TouchpointSummaries {

    /** Newest first; ties (same moment) by id so the listing is stable. */
    private static final Comparator<Touchpoint> NEWEST_FIRST = Comparator.comparing(Touchpoint::occurredAt)
            .thenComparing(touchpoint -> String.valueOf(touchpoint.id())).reversed();

    private TouchpointSummaries() {
    }

    /**
     * Total, first and last moment, counts by type, and the {@link TouchpointSummary#RECENT_LIMIT} most recent, newest
     * first, each with its URL as reasons show it (no query or fragment: they may hold personal data) and its campaign
     * (else its {@code utm_campaign}).
     */
    static TouchpointSummary of(List<Touchpoint> touchpoints) {
        Map<String, Integer> countsByType = new TreeMap<>();
        touchpoints.forEach(touchpoint -> countsByType.merge(touchpoint.type(), 1, Integer::sum));
        List<Touchpoint> newestFirst = touchpoints.stream().sorted(NEWEST_FIRST).toList();
        List<TouchpointSummary.Recent> recent = newestFirst.stream()
                .limit(TouchpointSummary.RECENT_LIMIT)
                .map(touchpoint -> new TouchpointSummary.Recent(touchpoint.type(), touchpoint.shownUrl(),
                        touchpoint.campaign() != null ? touchpoint.campaign() : touchpoint.utm().campaign(),
                        touchpoint.occurredAt()))
                .toList();
        return new TouchpointSummary(touchpoints.size(),
                newestFirst.isEmpty() ? null : newestFirst.get(newestFirst.size() - 1).occurredAt(),
                newestFirst.isEmpty() ? null : newestFirst.get(0).occurredAt(),
                countsByType, recent);
    }
}
