package io.ledgerline.cost.rest;

import io.ledgerline.cost.summary.InvalidSummaryRequest;
import io.ledgerline.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * cost-service's own problems; the common ones (a wrong field, bad JSON, JAX-RS statuses, the unexpected) leave as
 * problem+json through {@link io.ledgerline.support.problem.CommonProblemMappers}.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidSummary(InvalidSummaryRequest e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
    }
}
