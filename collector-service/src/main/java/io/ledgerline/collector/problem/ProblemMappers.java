package io.ledgerline.collector.problem;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The collector's own problems; everything else (bad JSON, JAX-RS statuses, time-outs, the unexpected) leaves as
 * problem+json through {@link io.ledgerline.support.problem.CommonProblemMappers}.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }
}
