package io.ledgerline.collector.receiver;

import io.ledgerline.collector.config.CollectorConfig;
import io.ledgerline.support.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses an oversized body before it is read, with a problem+json 413 that says the limit. */
public class BodyLimitFilter {
    private final CollectorConfig config;

    public BodyLimitFilter(CollectorConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response checkLength(ContainerRequestContext request) {
        int limit = config.ingest().maxBodyBytes();
        if (request.getLength() > limit) {
            return tooLarge(request.getLength(), limit);
        }
        return null;
    }

    /** For bodies sent without a Content-Length (chunked): checked once read. */
    public static Response tooLarge(long length, int limit) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "the body has " + length + " bytes; the limit is " + limit
                        + " (ledgerline.ingest.max-body-bytes): split it into smaller batches", List.of())
                .toResponse();
    }
}
