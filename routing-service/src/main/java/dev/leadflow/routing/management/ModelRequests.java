package dev.leadflow.routing.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leadflow.routing.model.ModelDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads management request bodies: JSON, or YAML for whole documents (the seed's format). Unknown fields are errors
 * (a typo must not be dropped silently); {@code version}, which every answer carries, is ignored so that what a GET
 * returned can be sent back as it is.
 */
public final class ModelRequests {

    static final String VERSION = "version";
    static final String ITEMS = "items";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelRequests() {
    }

    /** A whole routing model document (JSON or YAML). */
    public static ModelDocument document(String body) {
        JsonNode tree = tree(body);
        if (!tree.isObject()) {
            throw invalid("document", "type", "must be a routing model document (an object)");
        }
        return convert(withoutVersion(tree), ModelDocument.class, "");
    }

    /**
     * A routing model document, or only its rules: a JSON array of rules, or an object whose only field is
     * {@code rules} (the draft of a simulation).
     */
    public static Draft draft(String body) {
        JsonNode tree = tree(body);
        if (tree.isArray()) {
            return new Draft(null, list(tree, ModelCollection.RULES, "rules"));
        }
        if (tree.isObject()) {
            ObjectNode object = withoutVersion(tree);
            if (object.size() == 1 && object.has("rules")) {
                return new Draft(null, list(object.get("rules"), ModelCollection.RULES, "rules"));
            }
            return new Draft(convert(object, ModelDocument.class, ""), null);
        }
        throw invalid("document", "type", "must be a routing model document or a list of rules");
    }

    /** A draft: a whole {@code document}, or only {@code rules} to put into the current model. */
    public record Draft(ModelDocument document, List<ModelDocument.RuleDoc> rules) {
    }

    /**
     * One item for {@code PUT .../{id}}: its {@code id} may be left out (the path's is taken) but must not differ.
     */
    static <T> T item(String body, ModelCollection<T> collection, String pathId) {
        JsonNode tree = tree(body);
        if (!tree.isObject()) {
            throw invalid(collection.kind(), "type", "must be a JSON object");
        }
        ObjectNode object = withoutVersion(tree);
        JsonNode id = object.get("id");
        if (id == null || id.isNull()) {
            object.set("id", TextNode.valueOf(pathId));
        } else if (!pathId.equals(id.asText())) {
            throw invalid("id", "matches-path", "'" + id.asText() + "' differs from the path's id '" + pathId + "'");
        }
        return convert(object, collection.type(), "");
    }

    /** A whole list for {@code PUT} of a collection: a JSON array, or the {@code {"version", "items"}} a GET gave. */
    static <T> List<T> items(String body, ModelCollection<T> collection) {
        JsonNode tree = tree(body);
        if (tree.isObject() && tree.has(ITEMS)) {
            ObjectNode object = withoutVersion(tree);
            if (object.size() != 1) {
                throw invalid("document", "type", "must be a JSON array of " + collection.name()
                        + ", or an object with only items");
            }
            tree = object.get(ITEMS);
        }
        if (!tree.isArray()) {
            throw invalid(collection.name(), "type", "must be a JSON array of " + collection.name());
        }
        return list(tree, collection, collection.name());
    }

    private static <T> List<T> list(JsonNode array, ModelCollection<T> collection, String path) {
        if (!array.isArray()) {
            throw invalid(path, "type", "must be a list");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            if (!array.get(i).isObject()) {
                throw invalid(at, "type", "must be an object");
            }
            items.add(convert(array.get(i), collection.type(), at));
        }
        return items;
    }

    private static JsonNode tree(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw invalid("body", "required", "is empty");
        }
        // JSON by its first character; anything else is read as YAML (which the seed is written in).
        ObjectMapper mapper = text.startsWith("{") || text.startsWith("[") ? JSON : YAML;
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw invalid("body", "required", "is empty");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw invalid("body", "syntax", "is not valid JSON or YAML: " + e.getOriginalMessage());
        }
    }

    private static ObjectNode withoutVersion(JsonNode object) {
        ObjectNode copy = ((ObjectNode) object).deepCopy();
        copy.remove(VERSION);
        return copy;
    }

    private static <T> T convert(JsonNode tree, Class<T> type, String prefix) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(pathOf(prefix, e), "known-field", "is not a known field; known: "
                    + e.getKnownPropertyIds());
        } catch (MismatchedInputException e) {
            String expected = e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
            throw invalid(pathOf(prefix, e), "type", "has the wrong type (expected " + expected + ")");
        } catch (JsonMappingException e) {
            throw invalid(pathOf(prefix, e), "type", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw invalid(prefix.isEmpty() ? "body" : prefix, "syntax", e.getOriginalMessage());
        }
    }

    private static String pathOf(String prefix, JsonMappingException e) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static ModelChangeRejected invalid(String field, String rule, String message) {
        return ModelChangeRejected.invalid(List.of(new ModelChangeRejected.Error(field, rule, message)));
    }
}
