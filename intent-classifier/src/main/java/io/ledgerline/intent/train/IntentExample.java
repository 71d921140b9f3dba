package io.ledgerline.intent.train;

/** One labelled prompt of the intent data (the fields the trainer uses). */
public record IntentExample(String id, String text, String label, String source, String license) {
}
