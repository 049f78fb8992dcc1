package dev.leadflow.attribution.rest;

import java.util.UUID;

/** No touchpoint of this lead is known (never captured here, or not yet). */
public class LeadNotFoundException extends RuntimeException {

    public LeadNotFoundException(UUID leadId) {
        super("No journey is known for lead " + leadId);
    }
}
