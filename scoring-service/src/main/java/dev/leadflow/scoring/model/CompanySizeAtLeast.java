package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Optional;

/**
 * The company has at least {@code employees} people, judged by the smallest head count its stated size allows
 * ({@link CompanySize#lowerBound}): "201-500" is at least 201, not at least 500.
 */
public record CompanySizeAtLeast(int employees) implements LeadCondition {

    public CompanySizeAtLeast {
        if (employees < 1) {
            throw new IllegalArgumentException("employees: must be at least 1");
        }
    }

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        String size = LeadField.COMPANY_SIZE.valueOf(lead);
        return CompanySize.lowerBound(size)
                .filter(lowerBound -> lowerBound >= employees)
                .map(lowerBound -> LeadField.COMPANY_SIZE.evidence(size));
    }

    @Override
    public List<LeadField> fields() {
        return List.of(LeadField.COMPANY_SIZE);
    }
}
