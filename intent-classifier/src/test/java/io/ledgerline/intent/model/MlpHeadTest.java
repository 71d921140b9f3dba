package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ledgerline.intent.embedding.ModelVariant;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-hidden-layer form of {@link IntentHead} and its JSON round trip. */
class MlpHeadTest {

    // hidden: h1 = relu(x0 - x1), h2 = relu(x1 + 0.5); output: a = 2·h1, b = h2, c = 0
    private final IntentHead head = new IntentHead(List.of("a", "b", "c"),
            new float[][] {{1, -1}, {0, 1}}, new float[] {0, 0.5f},
            new float[][] {{2, 0}, {0, 1}, {0, 0}}, new float[] {0, 0, 0}, 0.0);

    @Test
    void probabilitiesAreTheSoftmaxOfTheHiddenLayer() {
        // x = (1, 0): h = (1, 0.5) -> logits 2, 0.5, 0
        double[] p = head.probabilities(new float[] {1, 0});
        double z = Math.exp(2) + Math.exp(0.5) + 1;
        assertEquals(Math.exp(2) / z, p[0], 1e-9);
        assertEquals(Math.exp(0.5) / z, p[1], 1e-9);
        assertEquals(1 / z, p[2], 1e-9);
        // x = (0, 1): h1 = relu(-1) = 0, h2 = 1.5 -> logits 0, 1.5, 0
        double[] q = head.probabilities(new float[] {0, 1});
        double y = 1 + Math.exp(1.5) + 1;
        assertEquals(Math.exp(1.5) / y, q[1], 1e-9);
        assertEquals("b", head.predict(new float[] {0, 1}).label());
        assertEquals(2, head.dimension());
        assertEquals(2, head.hiddenSize());
        assertEquals("mlp", head.architecture());
    }

    @Test
    void linearHeadHasNoHiddenLayer() {
        IntentHead linear = new IntentHead(List.of("a", "b"), new float[][] {{1, 0, 0}, {0, 1, 0}}, new float[] {0, 0}, 0.2);
        assertEquals(0, linear.hiddenSize());
        assertEquals("linear", linear.architecture());
        assertEquals(3, linear.dimension());
        assertNull(linear.hiddenWeights());
    }

    @Test
    void rejectsMismatchedLayers() {
        assertThrows(IllegalArgumentException.class, () -> new IntentHead(List.of("a", "b"),
                new float[][] {{1, 0}, {0, 1}, {1, 1}}, new float[] {0, 0, 0},
                new float[][] {{1, 0}, {0, 1}}, new float[] {0, 0}, 0)); // 3 hidden units, output expects 2
        assertThrows(IllegalArgumentException.class, () -> new IntentHead(List.of("a", "b"),
                new float[][] {{1, 0}, {0, 1}}, null, new float[][] {{1, 0}, {0, 1}}, new float[] {0, 0}, 0));
    }

    @Test
    void survivesTheJsonRoundTrip(@TempDir Path dir) throws Exception {
        IntentModel model = new IntentModel(head.withThreshold(0.4), ModelVariant.INT8, "test-mlp", 0.5);
        Path file = dir.resolve("head.json");
        IntentHeadFiles.write(model, null, file);
        IntentModel back;
        try (InputStream in = Files.newInputStream(file)) {
            back = IntentHeadFiles.read(in);
        }
        assertEquals("test-mlp", back.modelVersion());
        assertEquals(ModelVariant.INT8, back.variant());
        assertEquals(0.4, back.head().threshold(), 1e-12);
        assertEquals(2, back.head().hiddenSize());
        for (float[] x : new float[][] {{1, 0}, {0, 1}, {0.3f, -0.7f}}) {
            assertArrayEquals(head.probabilities(x), back.head().probabilities(x), 1e-7);
        }
    }
}
