package dev.leadflow.reporting.rest;

import java.util.List;

/** Ends a request with the given problem; thrown by resources, rendered by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ProblemException notFound(String title, String detail) {
        return new ProblemException(Problem.of("not-found", title, 404, detail));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.invalid(errors));
    }

    public Problem problem() {
        return problem;
    }
}
