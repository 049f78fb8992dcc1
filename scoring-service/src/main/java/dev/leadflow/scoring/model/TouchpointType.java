package dev.leadflow.scoring.model;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The touchpoint is of one of {@code types} (e.g. {@code form_submit}, {@code webinar}), ignoring case. */
public record TouchpointType(Set<String> types) implements TouchpointCondition {

    public TouchpointType {
        if (types == null || types.isEmpty() || types.stream().anyMatch(LeadFacts::isBlank)) {
            throw new IllegalArgumentException("types: must list at least one touchpoint type, none blank");
        }
        types = types.stream().map(TouchpointType::normalise).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean matches(Touchpoint touchpoint) {
        // Types arrive in lower case (capture-service checks them); normalise only what does not match as is.
        return types.contains(touchpoint.type()) || types.contains(normalise(touchpoint.type()));
    }

    private static String normalise(String type) {
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
