package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The field's number lies in [{@code min}, {@code max}] (either bound may be null, not both). The number is read as
 * {@link CompanySize#lowerBound} reads it, so a band like "201-500" is 201 and "10k+" is 10000; a value without a
 * number never matches.
 */
public record FieldRange(LeadField field, Integer min, Integer max) implements LeadCondition {

    public FieldRange {
        Objects.requireNonNull(field, "field");
        if (min == null && max == null) {
            throw new IllegalArgumentException("min: give min, max or both");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("max: must be at least min (" + min + ")");
        }
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        String value = field.valueOf(lead);
        return CompanySize.lowerBound(value)
                .filter(number -> (min == null || number >= min) && (max == null || number <= max))
                .map(number -> field.evidence(value));
    }

    @Override
    public List<LeadField> fields() {
        return List.of(field);
    }
}
