package dev.leadflow.scoring.rest;

/** No re-score job has this id. Answered with 404. */
class UnknownRescoreException extends RuntimeException {

    UnknownRescoreException(String detail) {
        super(detail);
    }
}
