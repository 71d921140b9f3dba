package io.ledgerline.collector.problem;

import io.ledgerline.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Ends a request with a problem+json answer. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(Response.Status status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.problem = Problem.of(status, detail, errors);
    }

    public Problem problem() {
        return problem;
    }
}
