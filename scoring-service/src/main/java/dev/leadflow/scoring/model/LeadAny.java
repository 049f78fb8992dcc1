package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Optional;

/** At least one of {@code conditions} holds; the evidence is the first that does. */
public record LeadAny(List<LeadCondition> conditions) implements LeadCondition {

    public LeadAny {
        conditions = Combinations.atLeastTwo(conditions);
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        return conditions.stream().map(condition -> condition.evidenceFor(lead)).flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public List<LeadField> fields() {
        return conditions.stream().flatMap(condition -> condition.fields().stream()).distinct().toList();
    }
}
