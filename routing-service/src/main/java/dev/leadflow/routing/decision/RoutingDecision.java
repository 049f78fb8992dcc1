package dev.leadflow.routing.decision;

import java.util.List;

/** Who gets a qualified lead and why: a rep in turn, or the fallback queue when no rep can take it. */
public sealed interface RoutingDecision permits AssignToRep, SendToQueue {

    /** Rule id of a round-robin assignment to a rep. */
    String ROUND_ROBIN = "round-robin";
    /** Rule id of an assignment to the fallback queue (no active rep). */
    String FALLBACK_QUEUE = "fallback-queue";

    String ownerId();

    String ownerName();

    /** {@code rep} or {@code queue}, as in {@link dev.leadflow.events.OwnerType}. */
    String ownerType();

    String ruleId();

    /** One sentence explaining the choice; it names reps by id and never carries lead data. */
    String reason();

    /** Ids of the reps that could have taken the lead, in rotation order. */
    List<String> candidates();
}
