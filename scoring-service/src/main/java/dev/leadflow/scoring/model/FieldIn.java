package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The field's value is one of {@code values}, ignoring case and surrounding blanks. */
public record FieldIn(LeadField field, Set<String> values) implements LeadCondition {

    public FieldIn {
        Objects.requireNonNull(field, "field");
        if (values == null || values.isEmpty() || values.stream().anyMatch(LeadFacts::isBlank)) {
            throw new IllegalArgumentException("values: must list at least one value, none blank");
        }
        values = values.stream().map(FieldIn::normalise).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        return Optional.ofNullable(field.valueOf(lead))
                .filter(value -> values.contains(normalise(value)))
                .map(field::evidence);
    }

    private static String normalise(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<LeadField> fields() {
        return List.of(field);
    }
}
