package io.ledgerline.intent.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Chooses the {@code other} threshold on held-out data: the largest threshold that still keeps at least
 * {@code keepFraction} of the correct top-1 predictions (i.e. the (1 − keepFraction) quantile of the top
 * probabilities of correct predictions). Predictions below it become {@code other}.
 */
public final class ThresholdCalibrator {

    private ThresholdCalibrator() {
    }

    public static double keepingCorrect(List<Prediction> predictions, List<String> truth, double keepFraction) {
        if (keepFraction <= 0 || keepFraction > 1) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1]");
        }
        List<Double> correct = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            if (predictions.get(i).topLabel().equals(truth.get(i))) {
                correct.add(predictions.get(i).topProbability());
            }
        }
        if (correct.isEmpty()) {
            return 0.0;
        }
        Collections.sort(correct);
        int drop = (int) Math.floor((1 - keepFraction) * correct.size());
        // threshold equal to the drop-th smallest value: exactly `drop` correct predictions fall strictly below it
        return drop == 0 ? 0.0 : correct.get(drop);
    }
}
