package dev.leadflow.routing.decision;

/** What a rule does when none of its reps can take the lead now. Either way the lead is never dropped. */
public sealed interface WhenNoneAvailable {

    /**
     * Assign the lead to the rep who becomes available first (back from absence, start of working hours, next
     * day's capacity); the lead waits in that rep's name. If nobody will become available (all inactive or full),
     * the model's default queue takes it.
     */
    record Hold() implements WhenNoneAvailable {
    }

    /** Send the lead to {@code queue}. */
    record FallbackQueue(String queue) implements WhenNoneAvailable {
    }
}
