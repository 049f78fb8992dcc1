package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;

/** What all/any combinations of conditions share. */
final class Combinations {

    private Combinations() {
    }

    /** A combination of fewer than two conditions is a mistake in the model (use the condition, or not). */
    static <C> List<C> atLeastTwo(List<C> conditions) {
        if (conditions == null || conditions.size() < 2 || conditions.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("conditions: must list at least two conditions");
        }
        return List.copyOf(conditions);
    }
}
