package io.ledgerline.collector.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the collector as problem+json with a message a person can act on. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage(),
                java.util.List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(),
                java.util.List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response timeout(io.smallrye.mutiny.TimeoutException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the database or the message broker did not answer in "
                + "time; nothing of this request was accepted, send it again", java.util.List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure while handling a request", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                java.util.List.of()).toResponse();
    }
}
