package dev.leadflow.scoring.rest;

/** The lead has no score: unknown to this service, or nothing about it was scored yet. Answered with 404. */
class UnknownLeadException extends RuntimeException {

    UnknownLeadException(String detail) {
        super(detail);
    }
}
