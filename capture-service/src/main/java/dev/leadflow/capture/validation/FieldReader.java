package dev.leadflow.capture.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one submitted object (a decoded JSON object or HTML form), normalising each with
 * {@link Text#clean} and collecting every broken rule, so a client learns about all its mistakes at once.
 * Values may be strings, numbers or booleans; anything else (an object, an array) breaks rule {@code type}.
 */
public final class FieldReader {

    private final Map<String, ?> input;
    private final String path;
    private final List<FieldError> errors;

    public FieldReader(Map<String, ?> input) {
        this(input, "", new ArrayList<>());
    }

    private FieldReader(Map<String, ?> input, String path, List<FieldError> errors) {
        this.input = input;
        this.path = path;
        this.errors = errors;
    }

    /** A reader for item {@code index} of a batch, reporting into the same errors as {@code [index].field}. */
    public FieldReader item(Map<String, ?> item, int index) {
        return new FieldReader(item, "[" + index + "].", errors);
    }

    /**
     * The field named {@code name}, or the first of its {@code aliases} with a non-blank value (e.g.
     * {@code utmSource} and {@code utm_source}). Errors name the spelling the client used.
     */
    public FieldCheck field(String name, String... aliases) {
        List<String> spellings = new ArrayList<>(1 + aliases.length);
        spellings.add(name);
        spellings.addAll(List.of(aliases));
        for (String spelling : spellings) {
            Object raw = input.get(spelling);
            if (raw == null) {
                continue;
            }
            if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
                reject(spelling, "type", "must be a single value, not an object or a list");
                return FieldCheck.failed(this, spelling);
            }
            String text = Text.clean(raw.toString());
            if (text != null) {
                return new FieldCheck(this, spelling, text);
            }
        }
        return new FieldCheck(this, name, null);
    }

    /** Records a broken rule on {@code field} of the object this reader reads. */
    public void reject(String field, String rule, String message) {
        errors.add(new FieldError(path + field, rule, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
