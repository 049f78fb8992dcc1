package dev.leadflow.routing.model;

import java.util.List;

/** A routing model document breaks rules; each error names the item and field, e.g. {@code reps[1] (bob).weight}. */
public class InvalidRoutingModelException extends RuntimeException {

    private final List<String> errors;

    public InvalidRoutingModelException(String source, List<String> errors) {
        super("Invalid routing model " + source + ":\n  - " + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
