package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ledgerline.intent.embedding.EmbedderConfig;
import io.ledgerline.intent.embedding.ModelVariant;
import io.ledgerline.intent.embedding.SentenceEmbedder;
import io.ledgerline.intent.train.BatchedEmbedding;
import io.ledgerline.intent.train.IntentDataset;
import io.ledgerline.intent.train.IntentExample;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped heads, loaded from the classpath as the service loads them, re-scored on the shipped validation split.
 * The floor is the macro-F1 the trainer wrote into the head file (and the model card).
 */
class ShippedHeadValidationTest {

    /**
     * Slack for ONNX Runtime kernels on another CPU giving vectors that differ in the last bits, which can flip a
     * row sitting exactly at a decision boundary (one row of a 9-row label moves macro-F1 by about 0.005).
     */
    private static final double CROSS_MACHINE_SLACK = 0.005;

    @ParameterizedTest
    @EnumSource(ModelVariant.class)
    void shippedHeadReachesItsModelCardMacroF1(ModelVariant variant) throws URISyntaxException {
        IntentModel model = IntentHeadFiles.loadShipped(variant);
        assertEquals(variant, model.variant());
        assertTrue(model.modelVersion().startsWith("minilm-l6-v2-" + variant.id() + "+lr-"), model.modelVersion());
        assertTrue(model.validationMacroF1() > 0.5, "implausible floor in the head file: " + model.validationMacroF1());

        Path file = Path.of(getClass().getClassLoader().getResource("intents/validation.jsonl").toURI());
        List<IntentExample> rows = IntentDataset.readAll(file);
        assertTrue(rows.size() > 1000, "validation rows: " + rows.size());
        PromptText promptText = new PromptText();
        List<String> texts = rows.stream().map(r -> promptText.of(null, r.text()).orElse("")).toList();
        List<String> truth = rows.stream().map(IntentExample::label).toList();

        float[][] x;
        try (SentenceEmbedder embedder = new SentenceEmbedder(EmbedderConfig.defaults(variant).withIntraOpThreads(2))) {
            x = BatchedEmbedding.embedAll(embedder, texts, BatchedEmbedding.DEFAULT_BATCH);
        }
        List<String> predicted = new ArrayList<>();
        for (float[] v : x) {
            predicted.add(model.predict(v).label());
        }
        F1Report report = F1Report.of(truth, predicted, Taxonomy.TRAINED_LABELS);
        System.out.printf("%s: recomputed macro-F1 %.4f, head file %.4f%n", variant.id(), report.macroF1(),
                model.validationMacroF1());
        assertTrue(report.macroF1() >= model.validationMacroF1() - CROSS_MACHINE_SLACK,
                variant.id() + ": macro-F1 " + report.macroF1() + " below the shipped " + model.validationMacroF1()
                        + "\n" + report.toMarkdown());
    }
}
