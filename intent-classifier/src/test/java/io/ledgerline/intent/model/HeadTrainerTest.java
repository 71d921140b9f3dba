package io.ledgerline.intent.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeadTrainerTest {

    private static final List<String> LABELS = List.of("a", "b", "c");

    /** Three clusters around the first three axes of an 8-d space, noise 0.1; class c is rare (5 vs 40). */
    private static Object[] clusters(long seed) {
        Random r = new Random(seed);
        List<float[]> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        int[] sizes = {40, 40, 5};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                float[] v = new float[8];
                for (int d = 0; d < 8; d++) {
                    v[d] = (float) (r.nextGaussian() * 0.1);
                }
                v[c] += 1f;
                x.add(v);
                y.add(LABELS.get(c));
            }
        }
        return new Object[] {x.toArray(new float[0][]), y};
    }

    @Test
    @SuppressWarnings("unchecked")
    void separatesLinearlySeparableClustersIncludingTheRareOne() {
        Object[] data = clusters(1);
        IntentHead head = new HeadTrainer(new HeadTrainer.Settings(200, 16, 0.05, 1e-4, 1.0, 7))
                .train((float[][]) data[0], (List<String>) data[1], LABELS);
        assertEquals("a", head.predict(new float[] {1, 0, 0, 0, 0, 0, 0, 0}).label());
        assertEquals("b", head.predict(new float[] {0, 1, 0, 0, 0, 0, 0, 0}).label());
        assertEquals("c", head.predict(new float[] {0, 0, 1, 0, 0, 0, 0, 0}).label());
        // fresh points from the same clusters
        Object[] test = clusters(2);
        float[][] x = (float[][]) test[0];
        List<String> y = (List<String>) test[1];
        for (int i = 0; i < x.length; i++) {
            assertEquals(y.get(i), head.predict(x[i]).label(), "point " + i);
        }
        assertTrue(head.predict(new float[] {0, 0, 1, 0, 0, 0, 0, 0}).topProbability() > 0.9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sameSeedSameWeights() {
        Object[] data = clusters(3);
        HeadTrainer trainer = new HeadTrainer(new HeadTrainer.Settings(20, 8, 0.05, 1e-3, 1.0, 11));
        IntentHead first = trainer.train((float[][]) data[0], (List<String>) data[1], LABELS);
        IntentHead second = trainer.train((float[][]) data[0], (List<String>) data[1], LABELS);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(first.weights()[k], second.weights()[k]);
        }
        assertArrayEquals(first.bias(), second.bias());
    }

    @Test
    void rejectsALabelOutsideTheList() {
        HeadTrainer trainer = new HeadTrainer(HeadTrainer.Settings.defaults());
        assertThrows(IllegalArgumentException.class,
                () -> trainer.train(new float[][] {{1f}, {0f}}, List.of("a", "z"), LABELS));
    }
}
