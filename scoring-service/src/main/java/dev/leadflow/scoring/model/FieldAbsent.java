package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The lead has no (non-blank) value for the field, e.g. a lead that left out its company. */
public record FieldAbsent(LeadField field) implements LeadCondition {

    public FieldAbsent {
        Objects.requireNonNull(field, "field");
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        return field.valueOf(lead) == null ? Optional.of(field.key() + " absent") : Optional.empty();
    }

    @Override
    public List<LeadField> fields() {
        return List.of(field);
    }
}
