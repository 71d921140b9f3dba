package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntentHeadTest {

    // logits for x = (1, 0): a = 2, b = 1, c = 0  -> softmax 0.6652, 0.2447, 0.0900
    private final IntentHead head = new IntentHead(List.of("a", "b", "c"),
            new float[][] {{2, 0}, {1, 0}, {0, 0}}, new float[] {0, 0, 0}, 0.7);

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogits() {
        double[] p = head.probabilities(new float[] {1, 0});
        double z = Math.exp(2) + Math.exp(1) + 1;
        assertEquals(Math.exp(2) / z, p[0], 1e-12);
        assertEquals(Math.exp(1) / z, p[1], 1e-12);
        assertEquals(1 / z, p[2], 1e-12);
    }

    @Test
    void belowThresholdIsOtherButKeepsTheTop3() {
        Prediction p = head.predict(new float[] {1, 0});
        assertEquals(Taxonomy.OTHER, p.label());
        assertEquals("a", p.topLabel());
        assertEquals(List.of("a", "b", "c"), p.top3().stream().map(ScoredLabel::label).toList());
        assertEquals(0.6652, p.topProbability(), 1e-4);
    }

    @Test
    void atOrAboveThresholdIsTheTopLabel() {
        assertEquals("a", head.withThreshold(0.6).predict(new float[] {1, 0}).label());
        assertEquals("a", head.predict(new float[] {3, 0}).label()); // logits 6,3,0 -> 0.95
    }

    @Test
    void rejectsWrongDimensionAndOtherAsTrainedLabel() {
        assertThrows(IllegalArgumentException.class, () -> head.predict(new float[] {1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new IntentHead(List.of("a", "other"),
                new float[][] {{1}, {1}}, new float[] {0, 0}, 0));
    }
}
