package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code condition} does not hold; the evidence shows the fields it read, e.g. {@code not (country=FR)}. */
public record LeadNot(LeadCondition condition) implements LeadCondition {

    public LeadNot {
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        if (condition.evidenceFor(lead).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("not (" + condition.fields().stream()
                .map(field -> field.valueOf(lead) == null ? field.key() + " absent"
                        : field.evidence(field.valueOf(lead)))
                .collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public List<LeadField> fields() {
        return condition.fields();
    }
}
