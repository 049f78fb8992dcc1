package dev.leadflow.routing;

import java.util.List;

/** The demo team's rotation order (routing/demo-routing.yaml), which the test leads reach by its catch-all rule. */
public final class Rotation {

    public static final List<String> DEMO_REPS = List.of("alice", "bob", "carol");
    /** The demo rule that routes the test leads (GB, outside every account and territory) to the demo team. */
    public static final String DEMO_RULE = "everyone-else";
    public static final String DEMO_TEAM = "demo";

    private Rotation() {
    }

    /** The rep whose turn comes after {@code repId} among the demo reps. */
    public static String after(String repId) {
        return DEMO_REPS.get((DEMO_REPS.indexOf(repId) + 1) % DEMO_REPS.size());
    }
}
