package dev.leadflow.scoring.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** The touchpoint's URL contains a match of {@code pattern}; a touchpoint without URL never matches. */
public record TouchpointUrlMatches(Pattern pattern) implements TouchpointCondition {

    public TouchpointUrlMatches {
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public boolean matches(Touchpoint touchpoint) {
        return touchpoint.url() != null && pattern.matcher(touchpoint.url()).find();
    }
}
