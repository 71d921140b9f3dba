package io.ledgerline.intent.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class index of every training example and the weight of every class: {@code (n / (k · n_c))^power}, so that
 * with power 1 each class carries the same total weight (code_generation, the largest, is down-weighted) and with
 * power 0 every example counts the same.
 */
record TrainingTargets(int[] target, double[] classWeight) {

    static TrainingTargets of(int examples, List<String> y, List<String> labels, double classWeightPower) {
        if (examples == 0 || y.size() != examples) {
            throw new IllegalArgumentException("need as many labels as examples (and at least one)");
        }
        int k = labels.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(labels.get(i), i);
        }
        int[] target = new int[examples];
        int[] counts = new int[k];
        for (int i = 0; i < examples; i++) {
            Integer t = index.get(y.get(i));
            if (t == null) {
                throw new IllegalArgumentException("label '" + y.get(i) + "' is not one of " + labels);
            }
            target[i] = t;
            counts[t]++;
        }
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) {
            classWeight[c] = counts[c] == 0 ? 0.0 : Math.pow((double) examples / (k * counts[c]), classWeightPower);
        }
        return new TrainingTargets(target, classWeight);
    }
}
