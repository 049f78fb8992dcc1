package dev.leadflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One piece of evidence behind a {@link ScoreReason}: a lead field ({@code field}, {@code value}; personal data is
 * never shown: an email appears as its domain, names and phones as {@code (redacted)}) or a touchpoint
 * ({@code touchpointId}, {@code touchpointType}, {@code url} without query, {@code occurredAt}), with its share of
 * the reason's points ({@code points}; null for field evidence) and, when the rule decays, its {@code decay}.
 * {@code count} > 1 marks a summary of that many older touchpoints (only the most recent are listed one by one).
 */
public record ScoreEvidence(
        String field,
        String value,
        UUID touchpointId,
        String touchpointType,
        String url,
        Instant occurredAt,
        Integer points,
        ScoreDecay decay,
        int count) {
}
