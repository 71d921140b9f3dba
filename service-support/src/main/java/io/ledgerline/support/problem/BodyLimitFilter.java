package io.ledgerline.support.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code ledgerline.http.max-body-bytes} before it is read, with a problem+json 413 that
 * says the limit (the HTTP layer's own limit, set above it, answers with an empty body). Off when the property is
 * not set (the collector has its own ingest limit).
 */
public class BodyLimitFilter {
    private final Optional<Long> limit;

    public BodyLimitFilter(@ConfigProperty(name = "ledgerline.http.max-body-bytes") Optional<Long> limit) {
        this.limit = limit;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkLength(ContainerRequestContext request) {
        if (limit.isPresent() && request.getLength() > limit.get()) {
            return Problem.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the body has " + request.getLength()
                    + " bytes; the limit is " + limit.get() + " (ledgerline.http.max-body-bytes)", List.of());
        }
        return null;
    }
}
