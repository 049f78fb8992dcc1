package dev.leadflow.scoring.model;

import java.util.List;
import java.util.Optional;

/** A condition on the lead's facts, used by fit rules. */
public sealed interface LeadCondition extends Condition
        permits FieldMatches, FieldIn, FieldEquals, FieldContains, FieldPresent, FieldAbsent, FieldRange,
        CompanySizeAtLeast, FreeMailDomain, DisposableEmailDomain, LeadAll, LeadAny, LeadNot {

    /** The evidence (what matched, without personal data) when the lead satisfies the condition, else empty. */
    Optional<String> evidenceFor(LeadFacts lead);

    /** The fields the condition reads, shown with their values as the evidence's details. */
    List<LeadField> fields();
}
