package dev.leadflow.routing.decision;

/** Whether a rep could take a lead at the time of routing, and if not, why. */
public enum CandidateStatus {
    AVAILABLE, INACTIVE, OUT_OF_OFFICE, OUTSIDE_HOURS, AT_CAPACITY,
    /** Owned the lead before and missed its first-contact SLA: a reassignment looks for someone else. */
    MISSED_SLA
}
