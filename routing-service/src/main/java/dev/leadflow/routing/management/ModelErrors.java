package dev.leadflow.routing.management;

import java.util.List;

/**
 * Turns the model checker's messages ({@code "rules[2] (dach).assignTo.team: no team 'dahc'"}) into problem errors
 * with the item and field apart and a rule name a client can branch on.
 */
final class ModelErrors {

    /** A reference to an item that does not exist (or a team a rule uses that has no reps left). */
    static final String REFERENCE = "reference";

    private ModelErrors() {
    }

    static List<ModelChangeRejected.Error> of(List<String> messages) {
        return messages.stream().map(ModelErrors::of).toList();
    }

    static ModelChangeRejected.Error of(String message) {
        int colon = message.indexOf(": ");
        String field = colon < 0 ? "document" : message.substring(0, colon);
        String text = colon < 0 ? message : message.substring(colon + 2);
        return new ModelChangeRejected.Error(field, ruleOf(text), text);
    }

    private static String ruleOf(String text) {
        if (text.startsWith("no rep '") || text.startsWith("no team '") || text.startsWith("no territory '")
                || text.endsWith("' has no reps")) {
            return REFERENCE;
        }
        if (text.equals("is required") || text.startsWith("is required:")) {
            return "required";
        }
        if (text.endsWith("' is used twice")) {
            return "unique";
        }
        return "valid";
    }
}
