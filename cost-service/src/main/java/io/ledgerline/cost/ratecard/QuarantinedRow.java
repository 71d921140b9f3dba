package io.ledgerline.cost.ratecard;

/** A price-file row that was not imported because its price is implausible; {@code reason} says which and why. */
public record QuarantinedRow(String key, String provider, String reason) {
}
