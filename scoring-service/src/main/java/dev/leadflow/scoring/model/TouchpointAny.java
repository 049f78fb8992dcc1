package dev.leadflow.scoring.model;

import java.util.List;

/** The touchpoint satisfies at least one of {@code conditions}. */
public record TouchpointAny(List<TouchpointCondition> conditions) implements TouchpointCondition {

    public TouchpointAny {
        conditions = Combinations.atLeastTwo(conditions);
    }

    @Override
    public boolean matches(Touchpoint touchpoint) {
        return conditions.stream().anyMatch(condition -> condition.matches(touchpoint));
    }
}
