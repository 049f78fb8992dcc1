package dev.leadflow.routing.decision;

/**
 * How many leads a rep may hold: open leads at once and new leads per local calendar day. A null limit means none.
 */
public record Capacity(Integer maxOpenLeads, Integer maxPerDay) {

    public static final Capacity UNLIMITED = new Capacity(null, null);

    public Capacity {
        if (maxOpenLeads != null && maxOpenLeads < 1 || maxPerDay != null && maxPerDay < 1) {
            throw new IllegalArgumentException("capacity limits must be at least 1 (leave them out for no limit)");
        }
    }
}
