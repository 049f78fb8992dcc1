package dev.leadflow.capture.validation;

import java.util.List;
import java.util.function.Function;

/** The outcome of validating an input: the normalised value, or every rule it broke. */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {
    }

    record Invalid<T>(List<FieldError> errors) implements Validated<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid input has at least one error");
            }
        }
    }

    /** The value, or the exception {@code onInvalid} makes of the errors. */
    default T valueOrThrow(Function<List<FieldError>, ? extends RuntimeException> onInvalid) {
        if (this instanceof Invalid<T> invalid) {
            throw onInvalid.apply(invalid.errors());
        }
        return ((Valid<T>) this).value();
    }

    static <T> Validated<T> of(T value, List<FieldError> errors) {
        return errors.isEmpty() ? new Valid<>(value) : new Invalid<>(errors);
    }
}
