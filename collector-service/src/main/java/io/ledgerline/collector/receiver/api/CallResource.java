package io.ledgerline.collector.receiver.api;

import io.ledgerline.collector.receiver.JsonIngest;
import io.ledgerline.contracts.Source;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/v1/calls}: the native JSON ingest, one call or an array, answered per item. */
@Path("/api/v1/calls")
public class CallResource {
    private final JsonIngest ingest;
    private final CallConverter converter = new CallConverter();

    public CallResource(JsonIngest ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Blocking
    public Response ingest(@Context HttpHeaders headers, byte[] body) {
        return ingest.ingest(headers, body, Source.API, converter);
    }
}
