package dev.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The lead's marketing history in brief, so a rep sees what the lead did without opening another tool: how many
 * touchpoints, when the first and the last happened, how many of each type, and the most recent ones (newest first).
 *
 * @param countsByType touchpoint type ({@link TouchpointTypes}) to how many of them
 * @param recent at most {@link #RECENT_LIMIT} touchpoints, newest first
 */
public record TouchpointSummary(
        int total,
        Instant firstAt,
        Instant lastAt,
        Map<String, Integer> countsByType,
        List<Recent> recent) {

    /** How many recent touchpoints a summary lists at most. */
    public static final int RECENT_LIMIT = 10;

    /** One recent touchpoint; any field but type and occurredAt may be null. */
    public record Recent(String type, String url, String campaign, Instant occurredAt) {
    }
}
