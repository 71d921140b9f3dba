package io.ledgerline.cost.rest;

import io.ledgerline.support.problem.InvalidFieldException;
import io.ledgerline.cost.ratecard.ModelPrice;
import io.ledgerline.cost.repository.OverrideRepository;
import io.ledgerline.cost.service.TenantOverride;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/rate-card/overrides}: a tenant's own prices (negotiated discounts, private deployments), in USD per
 * token, in force from {@code effectiveFrom} (default: now) for calls that start from then on.
 */
@Path("/api/v1/rate-card/overrides")
@Produces(MediaType.APPLICATION_JSON)
public class OverrideResource {
    /** Above this a per-token text price is a unit error (a per-million price written as per-token). */
    private static final BigDecimal MAX_PER_TOKEN = new BigDecimal("0.001");

    private final OverrideRepository repository;

    public OverrideResource(OverrideRepository repository) {
        this.repository = repository;
    }

    public record Override(String provider, String model, String effectiveFrom, String inputPerToken,
            String outputPerToken, String cacheReadPerToken, String cacheWritePerToken, String reasoningPerToken,
            String requestFee) {
    }

    @GET
    public Uni<List<Override>> list(@HeaderParam(Tenancy.HEADER) String tenant) {
        return repository.forTenant(Tenancy.require(tenant)).map(list -> list.stream().map(o -> new Override(
                o.price().provider(), o.price().model(), o.effectiveFrom().toString(), plain(o.price().input()),
                plain(o.price().output()), plain(o.price().cacheRead()), plain(o.price().cacheWrite()),
                plain(o.price().reasoning()), plain(o.price().perRequestFee()))).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Override> put(@HeaderParam(Tenancy.HEADER) String tenant, Override body) {
        String tenantId = Tenancy.require(tenant);
        if (body == null) {
            throw new InvalidFieldException("body", "is required");
        }
        String provider = required("provider", body.provider()).toLowerCase(Locale.ROOT);
        String model = required("model", body.model());
        Instant from;
        try {
            from = body.effectiveFrom() == null ? Instant.now() : Instant.parse(body.effectiveFrom());
        } catch (RuntimeException e) {
            throw new InvalidFieldException("effectiveFrom", "is not an ISO-8601 instant: " + body.effectiveFrom());
        }
        ModelPrice price = new ModelPrice(provider, model, "chat",
                perToken("inputPerToken", body.inputPerToken(), true),
                perToken("outputPerToken", body.outputPerToken(), true),
                perToken("cacheReadPerToken", body.cacheReadPerToken(), false),
                perToken("cacheWritePerToken", body.cacheWritePerToken(), false),
                perToken("reasoningPerToken", body.reasoningPerToken(), false),
                body.requestFee() == null ? null : DecimalField.parse("requestFee", body.requestFee()),
                List.of(), false, "tenant-override");
        return repository.put(new TenantOverride(tenantId, from, price)).replaceWith(new Override(provider, model,
                from.toString(), plain(price.input()), plain(price.output()), plain(price.cacheRead()),
                plain(price.cacheWrite()), plain(price.reasoning()), plain(price.perRequestFee())));
    }

    @DELETE
    @Path("/{provider}/{model}")
    public Uni<Void> delete(@HeaderParam(Tenancy.HEADER) String tenant, @PathParam("provider") String provider,
            @PathParam("model") String model) {
        return repository.delete(Tenancy.require(tenant), provider, model).map(deleted -> {
            if (!deleted) {
                throw new NotFoundException("no override for " + provider + "/" + model);
            }
            return null;
        });
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException(field, "must not contain control characters");
        }
        return value.trim();
    }

    private static BigDecimal perToken(String field, String value, boolean required) {
        if (value == null && !required) {
            return null;
        }
        BigDecimal price = DecimalField.parse(field, value);
        if (price.compareTo(MAX_PER_TOKEN) > 0) {
            throw new InvalidFieldException(field, "is " + value + " USD per token, above 0.001: that is a per-"
                    + "thousand or per-million price; divide it to USD per token");
        }
        return price;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
