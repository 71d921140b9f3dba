package io.ledgerline.cost.service;

import io.ledgerline.cost.ratecard.ModelPrice;
import java.time.Instant;

/** A tenant's own price for a model, in force from {@code effectiveFrom} on. */
public record TenantOverride(String tenantId, Instant effectiveFrom, ModelPrice price) {
}
