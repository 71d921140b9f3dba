package io.ledgerline.intent.model;

/** A label with its probability. */
public record ScoredLabel(String label, double probability) {
}
