package io.ledgerline.intent.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-label precision, recall and F1 of predictions against the truth, and their macro average over the given
 * labels. A predicted label outside the list (such as {@code other}) counts as a miss for the true label and as a
 * false positive for no listed label. A label with no support and no predictions scores 0 and is still averaged.
 */
public final class F1Report {

    /** Scores of one label. Precision (recall) is 0 when nothing was predicted (nothing was true) for it. */
    public record LabelScore(String label, int truePositives, int falsePositives, int falseNegatives,
                             double precision, double recall, double f1) {
        public int support() {
            return truePositives + falseNegatives;
        }
    }

    private final List<LabelScore> scores;
    private final double macroF1;
    private final double accuracy;
    private final int count;

    private F1Report(List<LabelScore> scores, double macroF1, double accuracy, int count) {
        this.scores = scores;
        this.macroF1 = macroF1;
        this.accuracy = accuracy;
        this.count = count;
    }

    public static F1Report of(List<String> truth, List<String> predicted, List<String> labels) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        List<LabelScore> scores = new ArrayList<>(labels.size());
        double sumF1 = 0;
        for (String label : labels) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean isTrue = label.equals(truth.get(i));
                boolean isPredicted = label.equals(predicted.get(i));
                if (isTrue && isPredicted) {
                    tp++;
                } else if (isPredicted) {
                    fp++;
                } else if (isTrue) {
                    fn++;
                }
            }
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new LabelScore(label, tp, fp, fn, precision, recall, f1));
            sumF1 += f1;
        }
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        double accuracy = truth.isEmpty() ? 0 : (double) correct / truth.size();
        return new F1Report(List.copyOf(scores), labels.isEmpty() ? 0 : sumF1 / labels.size(), accuracy, truth.size());
    }

    public List<LabelScore> scores() {
        return scores;
    }

    public LabelScore score(String label) {
        return scores.stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no score for " + label));
    }

    public double macroF1() {
        return macroF1;
    }

    public double accuracy() {
        return accuracy;
    }

    public int count() {
        return count;
    }

    /** Markdown table: label | support | precision | recall | F1, then the macro-F1 and accuracy rows. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder("| label | support | precision | recall | F1 |\n|---|---:|---:|---:|---:|\n");
        for (LabelScore s : scores) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", s.label(), s.support(),
                    s.precision(), s.recall(), s.f1()));
        }
        sb.append(String.format(Locale.ROOT, "| **macro** | %d | | | **%.4f** |%n", count, macroF1));
        sb.append(String.format(Locale.ROOT, "| accuracy | | | | %.4f |%n", accuracy));
        return sb.toString();
    }
}
