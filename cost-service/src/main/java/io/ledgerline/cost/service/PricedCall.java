package io.ledgerline.cost.service;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.cost.pricing.ModelMatch;
import io.ledgerline.cost.pricing.NcuSettings;

/** A call with its cost facet, and how its price was found (null match when unpriced). */
public record PricedCall(CallRecord call, ModelMatch match, String rateCardVersion, boolean fellForward,
        NcuSettings ncuSettings) {
}
