package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The field's value contains {@code text}, ignoring case. */
public record FieldContains(LeadField field, String text) implements LeadCondition {

    public FieldContains {
        Objects.requireNonNull(field, "field");
        if (LeadFacts.isBlank(text)) {
            throw new IllegalArgumentException("value: must not be blank");
        }
        text = text.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        return Optional.ofNullable(field.valueOf(lead))
                .filter(value -> value.toLowerCase(Locale.ROOT).contains(text))
                .map(field::evidence);
    }

    @Override
    public List<LeadField> fields() {
        return List.of(field);
    }
}
