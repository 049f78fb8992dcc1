package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The field's value equals {@code value}, ignoring case and surrounding blanks. */
public record FieldEquals(LeadField field, String value) implements LeadCondition {

    public FieldEquals {
        Objects.requireNonNull(field, "field");
        if (LeadFacts.isBlank(value)) {
            throw new IllegalArgumentException("value: must not be blank");
        }
        value = value.trim();
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        return Optional.ofNullable(field.valueOf(lead))
                .filter(value::equalsIgnoreCase)
                .map(field::evidence);
    }

    @Override
    public List<LeadField> fields() {
        return List.of(field);
    }
}
