package io.ledgerline.intent.model;

import java.util.List;

/** The default intent labels (DESIGN.md §7). {@link #OTHER} is never trained: it is what low confidence maps to. */
public final class Taxonomy {

    public static final String OTHER = "other";

    /** The 12 trained labels, in a fixed order (the order of the head's weight rows). */
    public static final List<String> TRAINED_LABELS = List.of(
            "summarization", "code_generation", "creative_writing", "question_answering", "grounded_qa",
            "information_extraction", "classification", "brainstorming", "translation", "rewriting",
            "math_reasoning", "conversation");

    /** The 12 trained labels followed by {@code other}. */
    public static final List<String> ALL_LABELS = List.of(
            "summarization", "code_generation", "creative_writing", "question_answering", "grounded_qa",
            "information_extraction", "classification", "brainstorming", "translation", "rewriting",
            "math_reasoning", "conversation", OTHER);

    private Taxonomy() {
    }

    public static boolean isKnown(String label) {
        return ALL_LABELS.contains(label);
    }
}
