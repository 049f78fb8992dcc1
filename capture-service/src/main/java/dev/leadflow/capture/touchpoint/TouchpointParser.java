package dev.leadflow.capture.touchpoint;

import dev.leadflow.capture.validation.FieldReader;
import dev.leadflow.capture.validation.UtmFields;
import dev.leadflow.capture.validation.Validated;
import dev.leadflow.capture.validation.Values;
import dev.leadflow.events.TouchpointTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates and normalises touchpoints, one or a batch. A batch is accepted whole or not at all; errors name the
 * item, as in {@code [3].type}. The type must be one of {@link TouchpointTypes#ALL}: consumers (scoring, attribution)
 * match on it, so a misspelt type would silently count for nothing.
 */
public final class TouchpointParser {

    public static final int MAX_CAMPAIGN_LENGTH = 200;
    static final Pattern CHANNEL = Pattern.compile("[a-z_]{1,32}");
    static final Pattern ANONYMOUS_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final String TYPE_MESSAGE = "must be one of " + String.join(", ",
            new TreeSet<>(TouchpointTypes.ALL));

    private final Clock clock;
    private final Duration maxClockSkew;

    /** @param maxClockSkew how far in the future an {@code occurredAt} may lie before it is rejected */
    public TouchpointParser(Clock clock, Duration maxClockSkew) {
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    public Validated<List<TouchpointSubmission>> parseOne(Map<String, ?> touchpoint) {
        FieldReader in = new FieldReader(touchpoint);
        TouchpointSubmission parsed = parse(in, clock.instant());
        return Validated.of(List.of(parsed), in.errors());
    }

    /** Items that are not objects break rule {@code type}; an empty batch breaks {@code notEmpty}. */
    public Validated<List<TouchpointSubmission>> parseBatch(List<?> items) {
        FieldReader batch = new FieldReader(Map.of());
        if (items.isEmpty()) {
            batch.reject("body", "notEmpty", "must hold at least one touchpoint");
        }
        Instant now = clock.instant();
        List<TouchpointSubmission> parsed = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
                parsed.add(parse(batch.item(stringKeys(item), i), now));
            } else {
                batch.reject("[" + i + "]", "type", "must be a JSON object");
            }
        }
        return Validated.of(parsed, batch.errors());
    }

    private TouchpointSubmission parse(FieldReader in, Instant now) {
        String type = in.field("type").required()
                .check(TouchpointTypes.ALL::contains, "touchpointType", TYPE_MESSAGE).value();
        var leadIdField = in.field("leadId");
        UUID leadId = leadIdField.parse(Values::uuid, "uuid", "must be a UUID");
        var anonymousIdField = in.field("anonymousId")
                .matches(ANONYMOUS_ID, "must be 1 to 128 letters, digits, '.', '_', ':' or '-'");
        String anonymousId = anonymousIdField.value();
        if (leadIdField.isAbsent() && anonymousIdField.isAbsent()) {
            in.reject("leadId", "required", "leadId or anonymousId is required");
        }
        String url = in.field("url").httpUrl().value();
        String campaign = in.field("campaign").maxLength(MAX_CAMPAIGN_LENGTH).value();
        String channel = in.field("channel")
                .matches(CHANNEL, "must be 1 to 32 lower-case letters or '_', e.g. paid_search").value();
        var occurredAtField = in.field("occurredAt");
        Instant occurredAt = occurredAtField.parse(Values::instant, "timestamp",
                "must be an ISO-8601 date-time with an offset, e.g. 2026-03-01T10:15:30Z");
        if (occurredAt != null && occurredAt.isAfter(now.plus(maxClockSkew))) {
            in.reject(occurredAtField.name(), "notInFuture", "must not lie in the future");
            occurredAt = null;
        }
        return new TouchpointSubmission(type, leadId, anonymousId, url, campaign, UtmFields.read(in),
                occurredAtField.isAbsent() ? now : occurredAt, channel);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> stringKeys(Map<?, ?> item) {
        // Decoded JSON objects always have string keys.
        return (Map<String, ?>) item;
    }
}
