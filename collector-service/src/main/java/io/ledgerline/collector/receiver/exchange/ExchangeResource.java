package io.ledgerline.collector.receiver.exchange;

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

/** {@code POST /api/v1/exchanges}: raw provider request/response pairs, one or many. */
@Path("/api/v1/exchanges")
public class ExchangeResource {
    private final JsonIngest ingest;
    private final ExchangeConverter converter;

    public ExchangeResource(JsonIngest ingest, ExchangeConverter converter) {
        this.ingest = ingest;
        this.converter = converter;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Blocking
    public Response ingest(@Context HttpHeaders headers, byte[] body) {
        return ingest.ingest(headers, body, Source.API, converter);
    }
}
