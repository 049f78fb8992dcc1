package dev.leadflow.routing.management;

import dev.leadflow.routing.model.InvalidRoutingModelException;
import java.util.List;

/**
 * A request to read or change the routing model that cannot be served: {@code status} 400 (bad body or a model that
 * breaks a rule), 404 (no such item), 409 (a delete that leaves references dangling) or 412 (stale
 * {@code If-Match}). {@code errors} name the item and field, e.g. {@code rules[2] (dach).assignTo.team}.
 */
public class ModelChangeRejected extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Error> errors;

    public ModelChangeRejected(int status, String title, String detail, List<Error> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Error> errors() {
        return errors;
    }

    /** Where ({@code field}: the item and field), which {@code rule} was broken, and a readable message. */
    public record Error(String field, String rule, String message) {
    }

    /** 400: a model document (a change's result, or a simulation's draft) breaks rules. */
    public static ModelChangeRejected invalidModel(InvalidRoutingModelException e) {
        return invalid(ModelErrors.of(e.errors()));
    }

    static ModelChangeRejected invalid(List<Error> errors) {
        return new ModelChangeRejected(400, "Invalid request", (errors.size() == 1 ? "1 field is invalid"
                : errors.size() + " fields are invalid") + "; nothing was changed", errors);
    }

    static ModelChangeRejected notFound(String kind, String id) {
        return new ModelChangeRejected(404, "Not Found", "No " + kind + " '" + id + "' in the routing model",
                List.of());
    }
}
