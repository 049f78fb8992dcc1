package dev.leadflow.routing.rest;

/** Lead ids in paths are UUIDs; a malformed one is a 400 naming the field, not a 404 or a 500. */
final class LeadIds {

    static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    static final String UUID_MESSAGE = "must be a UUID";

    private LeadIds() {
    }
}
