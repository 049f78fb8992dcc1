package dev.leadflow.routing.decision;

/** How a team's leads are spread over its available members. */
public enum Distribution {
    /** In turn, in the model's rep order. */
    ROUND_ROBIN("round robin"),
    /** In proportion to the reps' weights, exactly over time (smooth weighted round robin). */
    WEIGHTED_ROUND_ROBIN("weighted round robin"),
    /** To the rep with the fewest open leads. */
    LEAST_LOADED("least loaded");

    private final String label;

    Distribution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
