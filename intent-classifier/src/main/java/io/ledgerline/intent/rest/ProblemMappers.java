package io.ledgerline.intent.rest;

import io.ledgerline.intent.service.EmbeddingBatcher;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves intent-classifier as problem+json. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.reason())));
    }

    @ServerExceptionMapper
    public Response overloaded(EmbeddingBatcher.Overloaded e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), List.of()))
                .header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        return Problem.response(status == null ? Response.Status.BAD_REQUEST : status, e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure while handling a request", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "unexpected failure: " + e, List.of());
    }
}
