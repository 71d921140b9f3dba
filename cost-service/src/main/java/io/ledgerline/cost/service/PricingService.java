package io.ledgerline.cost.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.cost.ledger.LedgerEntry;
import io.ledgerline.cost.repository.LedgerRepository;
import io.ledgerline.cost.repository.NcuSettingsRepository;
import io.ledgerline.cost.repository.OverrideRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Prices a call and writes it to the ledger, once. A call already in the ledger is answered from there unchanged
 * (a redelivery, or a re-publish after a crash between commit and publish).
 */
@ApplicationScoped
public class PricingService {
    private static final ObjectMapper JSON = CallRecordCodec.newMapper();

    private final RateCardCatalog catalog;
    private final LedgerRepository ledger;
    private final OverrideRepository overrides;
    private final NcuSettingsRepository ncuSettings;

    public PricingService(RateCardCatalog catalog, LedgerRepository ledger, OverrideRepository overrides,
            NcuSettingsRepository ncuSettings) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.overrides = overrides;
        this.ncuSettings = ncuSettings;
    }

    /**
     * Prices the call and inserts it; when the ledger already holds it (a redelivery) the stored record is answered
     * unchanged. Pricing first and letting the insert detect the repeat saves a lookup on every new call.
     */
    public Uni<CallRecord> priceAndRecord(CallRecord call) {
        return Uni.combine().all().unis(
                        ledger.retryCost(call.tenantId(), call.logicalRequestId(), call.attempt()),
                        overrides.forTenant(call.tenantId()),
                        ncuSettings.find(call.tenantId(), call.projectId()))
                .asTuple()
                .chain(t -> {
                    PricedCall priced = catalog.pricer().price(call, t.getItem2(), t.getItem3(), t.getItem1());
                    LedgerEntry entry = new LedgerEntry(priced.call(), json(PriceUsed.of(priced)),
                            json(priced.ncuSettings()));
                    return ledger.insert(entry).chain(inserted -> inserted
                            ? Uni.createFrom().item(priced.call())
                            : ledger.find(call.tenantId(), call.callId()));
                });
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
