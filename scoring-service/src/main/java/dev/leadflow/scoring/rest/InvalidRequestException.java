package dev.leadflow.scoring.rest;

import java.util.List;

/** A request input that breaks a rule the resource checks itself; answered with 400 naming each field. */
class InvalidRequestException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    InvalidRequestException(Problem.FieldError... errors) {
        super(errors.length + " invalid field(s)");
        this.errors = List.of(errors);
    }

    List<Problem.FieldError> errors() {
        return errors;
    }
}
