package dev.leadflow.routing.decision;

/**
 * A sales rep who can own leads. Only active reps take part in the rotation; an inactive rep keeps its place in
 * the roster so the rotation resumes after it.
 */
public record Rep(String id, String name, boolean active) {

    public Rep {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rep id must not be blank");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rep '" + id + "' needs a non-blank name");
        }
    }
}
