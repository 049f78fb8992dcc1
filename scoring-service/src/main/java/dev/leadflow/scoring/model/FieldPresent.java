package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The lead has a (non-blank) value for the field. */
public record FieldPresent(LeadField field) implements LeadCondition {

    public FieldPresent {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        return Optional.ofNullable(field.valueOf(lead)).map(field::evidence);
    }

    @Override
    public List<LeadField> fields() {
        return List.of(field);
    }
}
