package dev.leadflow.routing.decision;

import dev.leadflow.events.OwnerType;
import java.util.List;

/** No rep can take the lead: it waits in {@code queue} rather than being dropped. */
public record SendToQueue(String queue, String reason) implements RoutingDecision {

    @Override
    public String ownerId() {
        return queue;
    }

    @Override
    public String ownerName() {
        return queue;
    }

    @Override
    public String ownerType() {
        return OwnerType.QUEUE;
    }

    @Override
    public String ruleId() {
        return FALLBACK_QUEUE;
    }

    @Override
    public List<String> candidates() {
        return List.of();
    }
}
