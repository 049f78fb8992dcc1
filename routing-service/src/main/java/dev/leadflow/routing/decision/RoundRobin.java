package dev.leadflow.routing.decision;

import java.util.List;
import java.util.Optional;

/**
 * Round-robin assignment: the next active rep after the one assigned last, in roster order, wrapping around.
 * Inactive reps are skipped but keep their place, so deactivating a rep does not reset the rotation. When no rep
 * is active the lead goes to the fallback queue.
 */
public final class RoundRobin {

    private final Roster roster;
    private final String fallbackQueue;

    public RoundRobin(Roster roster, String fallbackQueue) {
        if (fallbackQueue == null || fallbackQueue.isBlank()) {
            throw new IllegalArgumentException("the fallback queue must not be blank");
        }
        this.roster = roster;
        this.fallbackQueue = fallbackQueue;
    }

    /**
     * Chooses the owner of the next lead.
     *
     * @param lastAssignedRepId the rep who got the previous lead, empty if none ever did
     */
    public RoutingDecision next(Optional<String> lastAssignedRepId) {
        List<Rep> active = roster.activeReps();
        if (active.isEmpty()) {
            return new SendToQueue(fallbackQueue, "no active rep among %d configured: sent to queue %s"
                    .formatted(roster.size(), fallbackQueue));
        }
        List<String> candidates = active.stream().map(Rep::id).toList();
        String pool = active.size() == 1 ? "1 active rep" : active.size() + " active reps";
        if (lastAssignedRepId.isEmpty()) {
            Rep first = active.get(0);
            return new AssignToRep(first, candidates, "round robin: %s starts the rotation among %s"
                    .formatted(first.id(), pool));
        }
        String lastId = lastAssignedRepId.get();
        Optional<Integer> lastPosition = roster.positionOf(lastId);
        if (lastPosition.isEmpty()) {
            Rep first = active.get(0);
            return new AssignToRep(first, candidates,
                    "round robin: %s starts the rotation among %s (last assigned rep %s is no longer configured)"
                            .formatted(first.id(), pool, lastId));
        }
        Rep next = nextActiveAfter(lastPosition.get());
        if (next.id().equals(lastId)) {
            return new AssignToRep(next, candidates, "round robin: %s is the only active rep".formatted(next.id()));
        }
        boolean lastStillActive = roster.repAt(lastPosition.get()).active();
        return new AssignToRep(next, candidates, "round robin: %s follows %s%s among %s"
                .formatted(next.id(), lastId, lastStillActive ? "" : " (now inactive)", pool));
    }

    private Rep nextActiveAfter(int position) {
        for (int step = 1; step <= roster.size(); step++) {
            Rep candidate = roster.repAt((position + step) % roster.size());
            if (candidate.active()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no active rep in the roster");
    }
}
