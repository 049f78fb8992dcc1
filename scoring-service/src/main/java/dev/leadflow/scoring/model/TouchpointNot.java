package dev.leadflow.scoring.model;

import java.util.Objects;

/** The touchpoint does not satisfy {@code condition}. */
public record TouchpointNot(TouchpointCondition condition) implements TouchpointCondition {

    public TouchpointNot {
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public boolean matches(Touchpoint touchpoint) {
        return !condition.matches(touchpoint);
    }
}
