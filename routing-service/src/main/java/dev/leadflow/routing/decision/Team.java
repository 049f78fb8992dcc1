package dev.leadflow.routing.decision;

/**
 * A group of reps that a rule can assign to; its members are the reps listing it, in the model's rep order.
 * {@code manager} (a rep id or an email address, optional) is who a missed first-contact SLA notifies.
 */
public record Team(String id, String name, String manager) {

    public Team {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a team id must not be blank");
        }
    }

    /** A team without a manager. */
    public Team(String id, String name) {
        this(id, name, null);
    }
}
