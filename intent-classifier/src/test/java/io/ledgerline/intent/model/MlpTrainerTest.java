package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpTrainerTest {

    private static final List<String> LABELS = List.of("in", "out");

    /** Points in 2-d: "in" inside the circle of radius 1, "out" in the ring 1.5–2.5: not linearly separable. */
    private static Object[] rings(long seed, int n) {
        Random r = new Random(seed);
        List<float[]> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean inside = i % 2 == 0;
            double radius = inside ? r.nextDouble() * 0.9 : 1.6 + r.nextDouble() * 0.9;
            double angle = r.nextDouble() * 2 * Math.PI;
            x.add(new float[] {(float) (radius * Math.cos(angle)), (float) (radius * Math.sin(angle))});
            y.add(inside ? "in" : "out");
        }
        return new Object[] {x.toArray(new float[0][]), y};
    }

    @Test
    @SuppressWarnings("unchecked")
    void learnsANonLinearBoundaryALinearHeadCannot() {
        Object[] train = rings(1, 400);
        Object[] test = rings(2, 200);
        float[][] tx = (float[][]) test[0];
        List<String> ty = (List<String>) test[1];
        IntentHead mlp = new MlpTrainer(new MlpTrainer.Settings(32, 150, 16, 0.01, 1e-4, 0.0, 0.0, 5))
                .train((float[][]) train[0], (List<String>) train[1], LABELS);
        IntentHead linear = new HeadTrainer(new HeadTrainer.Settings(150, 16, 0.01, 1e-4, 0.0, 5))
                .train((float[][]) train[0], (List<String>) train[1], LABELS);
        int mlpCorrect = 0, linearCorrect = 0;
        for (int i = 0; i < tx.length; i++) {
            mlpCorrect += mlp.predict(tx[i]).label().equals(ty.get(i)) ? 1 : 0;
            linearCorrect += linear.predict(tx[i]).label().equals(ty.get(i)) ? 1 : 0;
        }
        assertTrue(mlpCorrect >= 190, "MLP correct " + mlpCorrect + " of 200");
        assertTrue(linearCorrect <= 160, "a line cannot separate rings, yet " + linearCorrect + " of 200");
        assertEquals("in", mlp.predict(new float[] {0, 0}).label());
        assertEquals("out", mlp.predict(new float[] {2, 0}).label());
    }

    @Test
    @SuppressWarnings("unchecked")
    void sameSeedSameWeightsWithDropout() {
        Object[] data = rings(3, 100);
        MlpTrainer trainer = new MlpTrainer(new MlpTrainer.Settings(8, 10, 8, 0.01, 1e-3, 0.3, 1.0, 11));
        IntentHead first = trainer.train((float[][]) data[0], (List<String>) data[1], LABELS);
        IntentHead second = trainer.train((float[][]) data[0], (List<String>) data[1], LABELS);
        for (int j = 0; j < 8; j++) {
            assertArrayEquals(first.hiddenWeights()[j], second.hiddenWeights()[j]);
        }
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(first.weights()[k], second.weights()[k]);
        }
        assertArrayEquals(first.bias(), second.bias());
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkpointsAreCalledEveryNthEpoch() {
        Object[] data = rings(4, 40);
        List<Integer> epochs = new ArrayList<>();
        new MlpTrainer(new MlpTrainer.Settings(4, 12, 8, 0.01, 0, 0, 0, 1))
                .train((float[][]) data[0], (List<String>) data[1], LABELS, 5, (epoch, h) -> epochs.add(epoch));
        assertEquals(List.of(5, 10), epochs);
    }
}
