package dev.leadflow.routing.decision;

/** A rep's current load, supplied by the caller: open leads now, and leads assigned on the rep's local today. */
public record RepLoad(int openLeads, int today) {

    public static final RepLoad NONE = new RepLoad(0, 0);
}
