package io.ledgerline.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What every service answers as problem+json: a wrong field (400 naming it), a body of the wrong shape (400 naming
 * the field), a body that is not JSON (400 with the line and column), any
 * status thrown by JAX-RS (404, 405, 415, …), a broker or database that did not answer in time (503), and the
 * unexpected (500, logged). A service adds mappers of its own for its own exceptions.
 */
public class CommonProblemMappers {
    private static final Logger LOG = Logger.getLogger(CommonProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.reason())));
    }

    /** A body that is JSON but not the shape asked for: names the field (its JSON path) and what it must be. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        return JsonProblems.wrongShape(e);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return JsonProblems.notJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // RESTEasy wraps a body it could not read in a plain 400: say what was wrong with it
        if (e.getCause() instanceof MismatchedInputException shape) {
            return JsonProblems.wrongShape(shape);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonProblems.notJson(json);
        }
        return Problem.response(e.getResponse().getStatusInfo(), e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response timeout(io.smallrye.mutiny.TimeoutException e) {
        return Problem.response(Response.Status.SERVICE_UNAVAILABLE, "the database or the message broker did not "
                + "answer in time; nothing of this request was accepted, send it again", List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure while handling a request", e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
    }
}
