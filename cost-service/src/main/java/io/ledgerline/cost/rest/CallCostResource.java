package io.ledgerline.cost.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.cost.repository.LedgerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/calls/{callId}}: a priced call with its token buckets, the per-token prices used (after tier
 * selection), the rate-card version and how the model matched, and the NCU terms with the settings in force — all a
 * person needs to re-derive the figures by hand.
 */
@Path("/api/v1/calls/{callId}")
public class CallCostResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerRepository ledger;

    public CallCostResource(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> get(@HeaderParam(Tenancy.HEADER) String tenant,
            @PathParam("callId") String callId) {
        return ledger.findRow(Tenancy.require(tenant), callId).map(row -> {
            if (row == null) {
                throw new NotFoundException("no priced call " + callId + " for this tenant (it may still be in the "
                        + "pipeline)");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("callId", row.getString("call_id"));
            body.put("pricedAt", row.getOffsetDateTime("priced_at").toInstant().toString());
            body.put("rateCardVersion", row.getString("rate_card_version"));
            body.put("priceUsed", tree(row.getString("price_used")));
            body.put("ncuSettings", tree(row.getString("ncu_settings")));
            body.put("call", tree(row.getString("record")));
            return body;
        });
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
