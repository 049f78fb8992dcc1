package dev.leadflow.routing.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadflow.events.EventTypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a webhook endpoint as an admin sends it ({@code POST} creates, {@code PUT} replaces) into an
 * {@link Endpoint}, or into every rule it breaks, each naming its field. Pure: no framework.
 */
public final class EndpointRequests {

    /** The event types an endpoint can subscribe to. */
    public static final Set<String> EVENT_TYPES = Set.of(EventTypes.LEAD_ROUTED, EventTypes.LEAD_SLA_BREACHED);
    static final int MAX_DESCRIPTION = 200;

    /**
     * A valid endpoint request.
     *
     * @param secret the secret given, or null (create: generate one; replace: keep the current one unless
     *        {@code rotateSecret})
     * @param rotateSecret replace only: generate a new secret
     */
    public record Endpoint(String url, List<String> eventTypes, boolean active, String secret, String description,
            boolean rotateSecret) {
    }

    public sealed interface Result {
    }

    public record Valid(Endpoint endpoint) implements Result {
    }

    public record Invalid(List<Error> errors) implements Result {
    }

    public record Error(String field, String rule, String message) {
    }

    private final EndpointUrls urls;

    public EndpointRequests(EndpointUrls urls) {
        this.urls = urls;
    }

    /**
     * @param body the request's JSON
     * @param replace whether this replaces an existing endpoint ({@code PUT}), which may ask to rotate the secret
     */
    public Result parse(JsonNode body, boolean replace) {
        if (body == null || !body.isObject()) {
            return new Invalid(List.of(new Error("", "type", "must be a JSON object")));
        }
        List<Error> errors = new ArrayList<>();
        String url = url(body.get("url"), errors);
        List<String> eventTypes = eventTypes(body.get("eventTypes"), errors);
        boolean active = bool(body, "active", true, errors);
        String secret = text(body, "secret", errors);
        if (secret != null && !WebhookSignature.isValidSecret(secret)) {
            errors.add(new Error("secret", "secret-format", "must be 'whsec_' followed by the base64 of "
                    + WebhookSignature.MIN_SECRET_BYTES + " to " + WebhookSignature.MAX_SECRET_BYTES
                    + " random bytes; leave it out to have one generated"));
        }
        String description = text(body, "description", errors);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new Error("description", "max-length", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        boolean rotateSecret = false;
        if (body.has("rotateSecret")) {
            if (!replace) {
                errors.add(new Error("rotateSecret", "replace-only",
                        "applies to PUT only; a new endpoint always gets a fresh secret"));
            } else {
                rotateSecret = bool(body, "rotateSecret", false, errors);
                if (rotateSecret && secret != null) {
                    errors.add(new Error("rotateSecret", "exclusive",
                            "give either a secret or rotateSecret, not both"));
                }
            }
        }
        return errors.isEmpty()
                ? new Valid(new Endpoint(url, eventTypes, active, secret, description, rotateSecret))
                : new Invalid(List.copyOf(errors));
    }

    private String url(JsonNode node, List<Error> errors) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            errors.add(new Error("url", "required", "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Error("url", "type", "must be a string"));
            return null;
        }
        String url = node.asText().trim();
        Optional<EndpointUrls.Problem> problem = urls.check(url);
        problem.ifPresent(p -> errors.add(new Error("url", p.rule(), p.message())));
        return url;
    }

    private static List<String> eventTypes(JsonNode node, List<Error> errors) {
        if (node == null || node.isNull()) {
            errors.add(new Error("eventTypes", "required", "is required: a list of " + typeList()));
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new Error("eventTypes", "type", "must be a list of " + typeList()));
            return List.of();
        }
        if (node.isEmpty()) {
            errors.add(new Error("eventTypes", "not-empty", "must name at least one of " + typeList()));
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode type = node.get(i);
            if (!type.isTextual() || !EVENT_TYPES.contains(type.asText())) {
                errors.add(new Error("eventTypes[" + i + "]", "one-of", "must be one of " + typeList()));
            } else {
                types.add(type.asText());
            }
        }
        return List.copyOf(types);
    }

    private static boolean bool(JsonNode body, String field, boolean absent, List<Error> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            errors.add(new Error(field, "type", "must be true or false"));
            return absent;
        }
        return node.asBoolean();
    }

    private static String text(JsonNode body, String field, List<Error> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new Error(field, "type", "must be a string"));
            return null;
        }
        return node.asText();
    }

    private static String typeList() {
        return String.join(", ", EVENT_TYPES.stream().sorted().toList());
    }
}
