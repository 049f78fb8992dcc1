package dev.leadflow.scoring.model;

import dev.leadflow.events.Utm;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The touchpoint's UTM parameter {@code parameter} is one of {@code values}, ignoring case. */
public record TouchpointUtm(Parameter parameter, Set<String> values) implements TouchpointCondition {

    /** The UTM parameters, by the name the model file uses. */
    public enum Parameter {
        SOURCE("source", Utm::source),
        MEDIUM("medium", Utm::medium),
        CAMPAIGN("campaign", Utm::campaign),
        TERM("term", Utm::term),
        CONTENT("content", Utm::content);

        private final String key;
        private final Function<Utm, String> accessor;

        Parameter(String key, Function<Utm, String> accessor) {
            this.key = key;
            this.accessor = accessor;
        }

        public String key() {
            return key;
        }

        public static Optional<Parameter> byKey(String key) {
            return Arrays.stream(values()).filter(parameter -> parameter.key.equals(key)).findFirst();
        }

        public static String keys() {
            return Arrays.stream(values()).map(Parameter::key).collect(Collectors.joining(", "));
        }
    }

    public TouchpointUtm {
        Objects.requireNonNull(parameter, "parameter");
        if (values == null || values.isEmpty() || values.stream().anyMatch(LeadFacts::isBlank)) {
            throw new IllegalArgumentException("values: must list at least one value, none blank");
        }
        values = values.stream().map(TouchpointUtm::normalise).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean matches(Touchpoint touchpoint) {
        String value = parameter.accessor.apply(touchpoint.utm());
        return !LeadFacts.isBlank(value) && values.contains(normalise(value));
    }

    private static String normalise(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
