package dev.leadflow.routing.decision;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** The configured reps in rotation order; rep ids are unique. */
public record Roster(List<Rep> reps) {

    public Roster {
        reps = List.copyOf(reps);
        Set<String> seen = new LinkedHashSet<>();
        Set<String> duplicated = new TreeSet<>();
        for (Rep rep : reps) {
            if (!seen.add(rep.id())) {
                duplicated.add(rep.id());
            }
        }
        if (!duplicated.isEmpty()) {
            throw new IllegalArgumentException("rep ids must be unique; duplicated: " + String.join(", ", duplicated));
        }
    }

    public static Roster of(Rep... reps) {
        return new Roster(List.of(reps));
    }

    /** The reps that take leads, in rotation order. */
    public List<Rep> activeReps() {
        return reps.stream().filter(Rep::active).toList();
    }

    /** The place of a rep in the rotation, or empty when no such rep is configured. */
    public Optional<Integer> positionOf(String repId) {
        return IntStream.range(0, reps.size()).filter(i -> reps.get(i).id().equals(repId)).boxed().findFirst();
    }

    public Rep repAt(int position) {
        return reps.get(position);
    }

    public int size() {
        return reps.size();
    }
}
