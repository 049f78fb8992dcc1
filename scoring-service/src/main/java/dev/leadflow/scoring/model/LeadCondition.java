package dev.leadflow.scoring.model;

import java.util.Optional;

/** A condition on the lead's facts, used by fit rules. */
public sealed interface LeadCondition extends Condition
        permits FieldMatches, FieldIn, FieldEquals, FieldPresent, CompanySizeAtLeast, FreeMailDomain {

    /** The evidence (what matched, without personal data) when the lead satisfies the condition, else empty. */
    Optional<String> evidenceFor(LeadFacts lead);
}
