package io.ledgerline.cost.rest;

import io.ledgerline.cost.summary.CostSummary;
import io.ledgerline.cost.summary.SummaryQuery;
import io.ledgerline.cost.repository.SummaryRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/costs/summary?from&to&zone&groupBy}: spend, NCU and tokens over a range, grouped by any of
 * provider, model, project, endUser, workflow, status, unpricedReason, tag:&lt;key&gt; and a time unit in a zone.
 */
@Path("/api/v1/costs/summary")
public class SummaryResource {
    private final SummaryRepository repository;

    public SummaryResource(SummaryRepository repository) {
        this.repository = repository;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<CostSummary> summary(@HeaderParam(Tenancy.HEADER) String tenant, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("zone") String zone, @QueryParam("groupBy") String groupBy) {
        return repository.summarise(SummaryQuery.of(Tenancy.require(tenant), from, to, zone, groupBy));
    }
}
