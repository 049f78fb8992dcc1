package dev.leadflow.routing.decision;

import dev.leadflow.events.OwnerType;
import java.util.List;

/** The lead goes to {@code rep}, whose turn it is among {@code candidates}. */
public record AssignToRep(Rep rep, List<String> candidates, String reason) implements RoutingDecision {

    public AssignToRep {
        candidates = List.copyOf(candidates);
    }

    @Override
    public String ownerId() {
        return rep.id();
    }

    @Override
    public String ownerName() {
        return rep.name();
    }

    @Override
    public String ownerType() {
        return OwnerType.REP;
    }

    @Override
    public String ruleId() {
        return ROUND_ROBIN;
    }
}
