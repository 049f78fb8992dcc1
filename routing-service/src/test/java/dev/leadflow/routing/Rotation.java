package dev.leadflow.routing;

import java.util.List;

/** The demo roster's rotation order (application.properties). */
public final class Rotation {

    public static final List<String> DEMO_REPS = List.of("alice", "bob", "carol");

    private Rotation() {
    }

    /** The rep whose turn comes after {@code repId} among the demo reps. */
    public static String after(String repId) {
        return DEMO_REPS.get((DEMO_REPS.indexOf(repId) + 1) % DEMO_REPS.size());
    }
}
