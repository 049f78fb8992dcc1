package dev.leadflow.routing.crm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadflow.events.EventTypes;
import dev.leadflow.events.LeadContacted;
import dev.leadflow.events.LeadDisqualified;
import dev.leadflow.events.LeadflowEvent;
import dev.leadflow.events.OpportunityCreated;
import dev.leadflow.events.OpportunityLost;
import dev.leadflow.events.OpportunityWon;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a CRM's activity report (a JSON object) into the event it stands for, or into every rule it breaks. Pure:
 * no framework, the clock passed in.
 *
 * <p>An optional {@code activityId} becomes the event id, so a CRM that retries a report under the same id causes
 * one effect in every consumer (they deduplicate by event id).
 */
public final class CrmActivityParser {

    /** The activity types a CRM reports. */
    public static final Set<String> TYPES = Set.of(EventTypes.LEAD_CONTACTED, EventTypes.LEAD_DISQUALIFIED,
            EventTypes.OPPORTUNITY_CREATED, EventTypes.OPPORTUNITY_WON, EventTypes.OPPORTUNITY_LOST);
    static final int MAX_TEXT = 200;
    static final int MAX_REASON = 1000;
    /** CRM clocks drift; a report further in the future is a mistake, not drift. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** The event, or the broken rules (field, rule, message). */
    public sealed interface Result {
    }

    /** The event and its CloudEvents type. */
    public record Parsed(LeadflowEvent event, String type) implements Result {
    }

    public record Invalid(List<Error> errors) implements Result {
    }

    public record Error(String field, String rule, String message) {
    }

    private final Clock clock;

    public CrmActivityParser(Clock clock) {
        this.clock = clock;
    }

    public Result parse(JsonNode body) {
        List<Error> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            return new Invalid(List.of(new Error("", "type", "must be a JSON object")));
        }
        Fields fields = new Fields(body, errors);
        String type = fields.text("type", 64, true);
        if (type != null && !TYPES.contains(type)) {
            errors.add(new Error("type", "activityType", "must be one of " + String.join(", ", TYPES.stream()
                    .sorted().toList())));
            type = null;
        }
        UUID eventId = fields.uuid("activityId", false);
        UUID leadId = fields.uuid("leadId", true);
        Instant occurredAt = fields.instant("occurredAt", clock.instant().plus(MAX_CLOCK_SKEW));
        if (type == null) {
            return new Invalid(errors);
        }
        UUID id = eventId != null ? eventId : UUID.randomUUID();
        Instant at = occurredAt != null ? occurredAt : clock.instant();
        LeadflowEvent event = switch (type) {
            case EventTypes.LEAD_CONTACTED -> new LeadContacted(id, leadId, fields.text("repId", MAX_TEXT, true),
                    fields.text("channel", MAX_TEXT, false), at);
            case EventTypes.LEAD_DISQUALIFIED -> new LeadDisqualified(id, leadId,
                    fields.text("repId", MAX_TEXT, true), fields.text("reason", MAX_REASON, false), at);
            case EventTypes.OPPORTUNITY_CREATED -> new OpportunityCreated(id, leadId,
                    fields.text("opportunityId", MAX_TEXT, true), fields.amount(), fields.currency(), at);
            case EventTypes.OPPORTUNITY_WON -> new OpportunityWon(id, leadId,
                    fields.text("opportunityId", MAX_TEXT, true), fields.amount(), fields.currency(), at);
            default -> new OpportunityLost(id, leadId, fields.text("opportunityId", MAX_TEXT, true),
                    fields.text("reason", MAX_REASON, false), at);
        };
        return errors.isEmpty() ? new Parsed(event, type) : new Invalid(List.copyOf(errors));
    }

    /** Reads typed fields of the body, adding an error for each one that breaks its rule. */
    private record Fields(JsonNode body, List<Error> errors) {

        String text(String name, int maxLength, boolean required) {
            JsonNode node = body.get(name);
            if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
                if (required) {
                    errors.add(new Error(name, "required", "is required"));
                }
                return null;
            }
            if (!node.isTextual()) {
                errors.add(new Error(name, "type", "must be a string"));
                return null;
            }
            String value = node.asText().strip();
            if (value.length() > maxLength) {
                errors.add(new Error(name, "maxLength", "must be at most " + maxLength + " characters"));
                return null;
            }
            if (value.chars().anyMatch(Character::isISOControl)) {
                errors.add(new Error(name, "noControlCharacters", "must not contain control characters"));
                return null;
            }
            return value;
        }

        UUID uuid(String name, boolean required) {
            String value = text(name, 36, required);
            if (value == null) {
                return null;
            }
            try {
                UUID uuid = UUID.fromString(value);
                if (uuid.toString().equalsIgnoreCase(value)) {
                    return uuid;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            errors.add(new Error(name, "uuid", "must be a UUID"));
            return null;
        }

        Instant instant(String name, Instant latest) {
            String value = text(name, 64, false);
            if (value == null) {
                return null;
            }
            try {
                Instant instant = Instant.parse(value);
                if (instant.isAfter(latest)) {
                    errors.add(new Error(name, "notInFuture", "must not lie in the future"));
                    return null;
                }
                return instant;
            } catch (DateTimeParseException e) {
                errors.add(new Error(name, "timestamp", "must be an ISO-8601 instant, e.g. 2026-11-24T09:30:00Z"));
                return null;
            }
        }

        BigDecimal amount() {
            JsonNode node = body.get("amount");
            if (node == null || node.isNull()) {
                errors.add(new Error("amount", "required", "is required"));
                return null;
            }
            BigDecimal amount;
            if (node.isNumber()) {
                amount = node.decimalValue();
            } else if (node.isTextual()) {
                try {
                    amount = new BigDecimal(node.asText().strip());
                } catch (NumberFormatException e) {
                    errors.add(new Error("amount", "number", "must be a decimal number, e.g. 12500.00"));
                    return null;
                }
            } else {
                errors.add(new Error("amount", "number", "must be a decimal number, e.g. 12500.00"));
                return null;
            }
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0 || amount.scale() > 4) {
                errors.add(new Error("amount", "amountRange",
                        "must be at least 0, below 10^12, with at most 4 decimal places"));
                return null;
            }
            return amount;
        }

        String currency() {
            String code = text("currency", 3, true);
            if (code == null) {
                return null;
            }
            try {
                return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                errors.add(new Error("currency", "currency", "must be an ISO 4217 currency code, e.g. EUR or USD"));
                return null;
            }
        }
    }
}
