package dev.leadflow.reporting.lifecycle;

import java.util.List;

/** The lifecycle after an event, and what the event revealed to measure. */
public record LifecycleChange(LeadLifecycle after, List<Observation> observations) {
    public LifecycleChange {
        observations = List.copyOf(observations);
    }
}
