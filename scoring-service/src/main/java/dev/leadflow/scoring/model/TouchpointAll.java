package dev.leadflow.scoring.model;

import java.util.List;

/** The touchpoint satisfies every one of {@code conditions}, e.g. a page view of the pricing page. */
public record TouchpointAll(List<TouchpointCondition> conditions) implements TouchpointCondition {

    public TouchpointAll {
        conditions = Combinations.atLeastTwo(conditions);
    }

    @Override
    public boolean matches(Touchpoint touchpoint) {
        return conditions.stream().allMatch(condition -> condition.matches(touchpoint));
    }
}
