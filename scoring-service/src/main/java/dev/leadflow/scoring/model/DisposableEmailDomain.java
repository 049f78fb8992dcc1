package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Optional;

/** capture-service flagged the lead's email as a throwaway mailbox (LeadCaptured#disposableEmailDomain). */
public record DisposableEmailDomain() implements LeadCondition {

    @Override
    public Optional<String> evidenceFor(LeadFacts lead) {
        String email = LeadField.EMAIL.valueOf(lead);
        return lead.disposableEmailDomain() && email != null
                ? Optional.of(LeadField.EMAIL.evidence(email) + " (disposable)")
                : Optional.empty();
    }

    @Override
    public List<LeadField> fields() {
        return List.of(LeadField.EMAIL);
    }
}
