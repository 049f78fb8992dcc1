package dev.leadflow.capture.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Decodes request bodies into plain maps and lists for the parsers. Parse errors are reported without the
 * parser's message, which quotes the body (and so personal data).
 */
@ApplicationScoped
public class RequestBodies {

    private final ObjectMapper objectMapper;

    RequestBodies(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
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
        } catch (JsonProcessingException e) {
            throw Problems.malformedBody("The body is not valid JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(JsonNode object) {
        return objectMapper.convertValue(object, Map.class);
    }
}
