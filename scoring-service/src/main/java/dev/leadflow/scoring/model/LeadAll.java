package dev.leadflow.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every one of {@code conditions} holds; the evidence lists each one's. */
public record LeadAll(List<LeadCondition> conditions) implements LeadCondition {

    public LeadAll {
        conditions = Combinations.atLeastTwo(conditions);
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        List<String> evidence = new ArrayList<>();
        for (LeadCondition condition : conditions) {
            Optional<String> one = condition.evidenceFor(lead);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            evidence.add(one.get());
        }
        return Optional.of(String.join(", ", evidence));
    }

    @Override
    public List<LeadField> fields() {
        return conditions.stream().flatMap(condition -> condition.fields().stream()).distinct().toList();
    }
}
