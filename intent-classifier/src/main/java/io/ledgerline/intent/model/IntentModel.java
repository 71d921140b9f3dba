package io.ledgerline.intent.model;

import io.ledgerline.intent.embedding.ModelVariant;
import java.util.Objects;

/**
 * A trained head together with what it was trained for and how it scored.
 *
 * @param head               the classifier
 * @param variant            the embedding weights the head expects (fp32 and int8 vectors differ)
 * @param modelVersion       e.g. {@code minilm-l6-v2-fp32+lr-2026-12-04}; record it with every classification
 * @param validationMacroF1  macro-F1 over the 12 labels on the held-out validation split, threshold applied
 */
public record IntentModel(IntentHead head, ModelVariant variant, String modelVersion, double validationMacroF1) {

    public IntentModel {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(modelVersion, "modelVersion");
    }

    public Prediction predict(float[] embedding) {
        return head.predict(embedding);
    }
}
