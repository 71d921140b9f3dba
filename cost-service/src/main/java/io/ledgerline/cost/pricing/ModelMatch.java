package io.ledgerline.cost.pricing;

import io.ledgerline.cost.ratecard.ModelPrice;

/**
 * A found price: the row, the rule that found it, the name that was looked up (after rewrites), and whether the row
 * is a tenant's own override rather than the default rate card.
 */
public record ModelMatch(ModelPrice price, MatchRule rule, String lookedUpAs, boolean tenantOverride) {
}
