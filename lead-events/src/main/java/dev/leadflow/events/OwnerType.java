package dev.leadflow.events;

/** Who owns a routed lead: a sales rep or a queue. Serialised in lower case ({@code rep}, {@code queue}). */
public final class OwnerType {
    public static final String REP = "rep";
    public static final String QUEUE = "queue";

    private OwnerType() {
    }
}
