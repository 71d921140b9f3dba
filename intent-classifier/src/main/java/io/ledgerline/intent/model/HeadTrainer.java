package io.ledgerline.intent.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains an {@link IntentHead} (softmax regression) in plain Java: mini-batch Adam on the class-weighted
 * cross-entropy plus an L2 penalty on the weights (not the bias). Deterministic for a given seed and input order.
 * Class weights are {@code n / (k · n_label)}, so every label contributes the same total weight however many
 * examples it has.
 */
public final class HeadTrainer {

    /**
     * @param epochs        passes over the data
     * @param batchSize     examples per Adam step
     * @param learningRate  Adam step size
     * @param l2            penalty λ in {@code λ/2 · ||W||²} (per weighted example)
     * @param classWeightPower exponent of the class weights described above (0 = unweighted, 1 = fully balanced)
     * @param seed          for the shuffling of the mini-batches
     */
    public record Settings(int epochs, int batchSize, double learningRate, double l2, double classWeightPower, long seed) {
        public static Settings defaults() {
            return new Settings(60, 64, 0.01, 1e-4, 1.0, 20261204L);
        }

        public Settings with(int newEpochs, double newL2, double newClassWeightPower) {
            return new Settings(newEpochs, batchSize, learningRate, newL2, newClassWeightPower, seed);
        }
    }

    private final Settings settings;

    public HeadTrainer(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param x      embeddings, one row per example
     * @param y      label of each row
     * @param labels label order of the head (every y must be one of them)
     * @return a head with threshold 0 (calibrate it separately)
     */
    public IntentHead train(float[][] x, List<String> y, List<String> labels) {
        int n = x.length;
        TrainingTargets targets = TrainingTargets.of(n, y, labels, settings.classWeightPower());
        int[] target = targets.target();
        double[] classWeight = targets.classWeight();
        int dim = x[0].length;
        int k = labels.size();

        double[][] w = new double[k][dim];
        double[] b = new double[k];
        double[][] mw = new double[k][dim];
        double[][] vw = new double[k][dim];
        double[] mb = new double[k];
        double[] vb = new double[k];
        double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        long step = 0;

        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Random random = new Random(settings.seed());
        double[][] gw = new double[k][dim];
        double[] gb = new double[k];
        double[] p = new double[k];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            java.util.Collections.shuffle(order, random);
            for (int start = 0; start < n; start += settings.batchSize()) {
                int end = Math.min(n, start + settings.batchSize());
                for (double[] row : gw) {
                    java.util.Arrays.fill(row, 0);
                }
                java.util.Arrays.fill(gb, 0);
                double batchWeight = 0;
                for (int j = start; j < end; j++) {
                    int i = order.get(j);
                    float[] xi = x[i];
                    softmax(w, b, xi, p);
                    double cw = classWeight[target[i]];
                    batchWeight += cw;
                    for (int c = 0; c < k; c++) {
                        double g = cw * (p[c] - (c == target[i] ? 1 : 0));
                        if (g == 0) {
                            continue;
                        }
                        gb[c] += g;
                        double[] gwc = gw[c];
                        for (int d = 0; d < dim; d++) {
                            gwc[d] += g * xi[d];
                        }
                    }
                }
                if (batchWeight == 0) {
                    continue;
                }
                step++;
                double lrT = settings.learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
                for (int c = 0; c < k; c++) {
                    for (int d = 0; d < dim; d++) {
                        double g = gw[c][d] / batchWeight + settings.l2() * w[c][d];
                        mw[c][d] = beta1 * mw[c][d] + (1 - beta1) * g;
                        vw[c][d] = beta2 * vw[c][d] + (1 - beta2) * g * g;
                        w[c][d] -= lrT * mw[c][d] / (Math.sqrt(vw[c][d]) + eps);
                    }
                    double g = gb[c] / batchWeight;
                    mb[c] = beta1 * mb[c] + (1 - beta1) * g;
                    vb[c] = beta2 * vb[c] + (1 - beta2) * g * g;
                    b[c] -= lrT * mb[c] / (Math.sqrt(vb[c]) + eps);
                }
            }
        }
        float[][] wf = new float[k][dim];
        float[] bf = new float[k];
        for (int c = 0; c < k; c++) {
            for (int d = 0; d < dim; d++) {
                wf[c][d] = (float) w[c][d];
            }
            bf[c] = (float) b[c];
        }
        return new IntentHead(labels, wf, bf, 0.0);
    }

    private static void softmax(double[][] w, double[] b, float[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double z = b[c];
            double[] wc = w[c];
            for (int d = 0; d < wc.length; d++) {
                z += wc[d] * x[d];
            }
            out[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
    }
}
