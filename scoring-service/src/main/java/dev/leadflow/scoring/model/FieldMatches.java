package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The field's value contains a match of {@code pattern} (anchor it with ^ and $ to match the whole value). */
public record FieldMatches(LeadField field, Pattern pattern) implements LeadCondition {

    public FieldMatches {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        return Optional.ofNullable(field.valueOf(lead))
                .filter(value -> pattern.matcher(value).find())
                .map(field::evidence);
    }

    @Override
    public List<LeadField> fields() {
        return List.of(field);
    }
}
