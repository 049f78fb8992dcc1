package dev.leadflow.routing.management;

import java.util.List;

/**
 * {@code If-Match} against the model version. Every answer's {@code ETag} is the version of the whole model it was
 * read from ({@code "7"}), so a client that read version 7 and sends {@code If-Match: "7"} has its change refused
 * (412) when anything in the model changed since: the model is checked and stored as a whole, and a change built on
 * an old reading could undo someone else's edit.
 */
final class Preconditions {

    private Preconditions() {
    }

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** Passes when {@code ifMatch} is absent, {@code *}, or lists {@code version} (quoted or not, weak or not). */
    static void requireCurrent(String ifMatch, int version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            if (value.equals("*") || value.equals(Integer.toString(version))) {
                return;
            }
        }
        throw new ModelChangeRejected(412, "Precondition Failed", "If-Match " + ifMatch.strip()
                + " does not match the routing model's current version " + etag(version)
                + ": read it again and reapply the change. Nothing was changed", List.of());
    }
}
