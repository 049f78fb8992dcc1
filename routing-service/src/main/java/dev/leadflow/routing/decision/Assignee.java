package dev.leadflow.routing.decision;

import dev.leadflow.events.OwnerType;
import java.time.Instant;

/** Who owns a routed lead: a rep, or a queue. */
public sealed interface Assignee {

    String id();

    String displayName();

    /** {@code rep} or {@code queue}, as in {@link OwnerType}. */
    String type();

    /**
     * A rep. {@code heldUntil} is null when the rep is available now, otherwise the instant the rep becomes available
     * (the lead waits for them: a rule's hold policy).
     */
    record ToRep(Rep rep, Instant heldUntil) implements Assignee {

        @Override
        public String id() {
            return rep.id();
        }

        @Override
        public String displayName() {
            return rep.name();
        }

        @Override
        public String type() {
            return OwnerType.REP;
        }
    }

    /** A queue: nobody owns the lead yet, but it is kept, never dropped. */
    record ToQueue(String queue) implements Assignee {

        @Override
        public String id() {
            return queue;
        }

        @Override
        public String displayName() {
            return queue;
        }

        @Override
        public String type() {
            return OwnerType.QUEUE;
        }
    }
}
