package dev.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadflow.capture.CaptureConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Decodes request bodies into plain maps and lists for the parsers. Parse errors are reported without the
 * parser's message, which quotes the body (and so personal data). Bodies are read strictly: nesting is limited
 * ({@code leadflow.capture.json.max-nesting-depth}), numbers to {@value #MAX_NUMBER_LENGTH} characters, and a
 * repeated member name or anything after the document is refused rather than silently resolved (another parser in
 * front of capture, a WAF say, may read the other value).
 */
@ApplicationScoped
public class RequestBodies {

    /** Longer than any number the intake reads, short enough that no number costs parsing time. */
    static final int MAX_NUMBER_LENGTH = 64;

    private final ObjectMapper objectMapper;
    private final int maxNestingDepth;

    RequestBodies(ObjectMapper objectMapper, CaptureConfig config) {
        this.maxNestingDepth = config.json().maxNestingDepth();
        // A copy, so the limits apply to request bodies only (not to events or stored answers).
        this.objectMapper = objectMapper.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.objectMapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth).maxNumberLength(MAX_NUMBER_LENGTH).build());
    }

    /** The members of a JSON object body. */
    public Map<String, Object> jsonObject(String body) {
        JsonNode json = json(body);
        if (!json.isObject()) {
            throw Problems.malformedBody("The body must be a JSON object");
        }
        return toMap(json);
    }

    /** A JSON object body as one map, or a JSON array body as a list of its items (maps or other values). */
    public Object jsonObjectOrArray(String body) {
        JsonNode json = json(body);
        if (json.isObject()) {
            return toMap(json);
        }
        if (json.isArray()) {
            return objectMapper.convertValue(json, List.class);
        }
        throw Problems.malformedBody("The body must be a JSON object or an array of objects");
    }

    public Map<String, String> form(String body) {
        try {
            return FormUrlEncoded.decode(body);
        } catch (IllegalArgumentException e) {
            throw Problems.malformedBody("The body is not valid application/x-www-form-urlencoded");
        }
    }

    private JsonNode json(String body) {
        try {
            JsonNode json = objectMapper.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw Problems.malformedBody("The body is empty; send a JSON document");
            }
            return json;
        } catch (StreamConstraintsException e) {
            throw Problems.malformedBody("The body exceeds a JSON limit: arrays and objects nested at most "
                    + maxNestingDepth + " deep, numbers at most " + MAX_NUMBER_LENGTH + " characters");
        } catch (JsonProcessingException e) {
            throw Problems.malformedBody(e.getMessage() != null && e.getMessage().startsWith("Duplicate field")
                    ? "The body repeats a member name" : "The body is not valid JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(JsonNode object) {
        return objectMapper.convertValue(object, Map.class);
    }
}
