package dev.leadflow.routing.decision;

/** A group of reps that a rule can assign to; its members are the reps listing it, in the model's rep order. */
public record Team(String id, String name) {

    public Team {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a team id must not be blank");
        }
    }
}
