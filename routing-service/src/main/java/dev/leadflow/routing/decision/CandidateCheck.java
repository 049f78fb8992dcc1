package dev.leadflow.routing.decision;

/** One rep considered for a lead: available or skipped, with the detail (e.g. {@code at capacity: 5/5 open leads}). */
public record CandidateCheck(String repId, CandidateStatus status, String detail) {

    public boolean available() {
        return status == CandidateStatus.AVAILABLE;
    }
}
