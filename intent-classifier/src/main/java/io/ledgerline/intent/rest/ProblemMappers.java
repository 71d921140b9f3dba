package io.ledgerline.intent.rest;

import io.ledgerline.intent.service.EmbeddingBatcher;
import io.ledgerline.support.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * intent-classifier's own problems; the common ones (a wrong field, bad JSON, JAX-RS statuses, the unexpected) leave
 * as problem+json through {@link io.ledgerline.support.problem.CommonProblemMappers}.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response overloaded(EmbeddingBatcher.Overloaded e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), List.of()))
                .header("Retry-After", "1").build();
    }
}
