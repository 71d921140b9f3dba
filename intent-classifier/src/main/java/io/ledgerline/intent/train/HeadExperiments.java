package io.ledgerline.intent.train;

import io.ledgerline.intent.embedding.EmbedderConfig;
import io.ledgerline.intent.embedding.ModelVariant;
import io.ledgerline.intent.embedding.SentenceEmbedder;
import io.ledgerline.intent.model.F1Report;
import io.ledgerline.intent.model.HeadTrainer;
import io.ledgerline.intent.model.IntentHead;
import io.ledgerline.intent.model.MlpTrainer;
import io.ledgerline.intent.model.PromptText;
import io.ledgerline.intent.model.Taxonomy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares head designs on the TRAINING side only (the validation split is never read here), either on the inner
 * split ({@code inner}) or by 5-fold cross-validation over the training side ({@code cv5}, pooled out-of-fold
 * predictions):
 * {@code java ... HeadExperiments fp32 cv5 lr:0.5:1e-4:30 mlp:256:0.5:1e-4:0.5:40:0.001 knn:10:0.05 ...}.
 * A leading {@code +} on a spec adds the authored examples to the training folds (never to the scored rows).
 * A development tool; the shipped heads come from {@link TrainIntentHead}.
 */
public final class HeadExperiments {

    private HeadExperiments() {
    }

    interface Method {
        /** predicted probabilities of the test rows, per checkpoint epoch (0 when there is no curve) */
        Map<Integer, double[][]> run(float[][] x, List<String> y, float[][] test);
    }

    public static void main(String[] args) throws Exception {
        ModelVariant variant = ModelVariant.fromId(args[0]);
        String mode = args[1];
        Path moduleDir = TrainIntentHead.defaultModuleDir();
        Path data = moduleDir.resolve("../../shared/data/intents/intents-train.jsonl").normalize();
        List<IntentExample> rows = IntentDataset.readPermissive(data);
        IntentDataset.Split split = IntentDataset.stratifiedSplit(rows, TrainIntentHead.VALIDATION_FRACTION);
        PromptText promptText = new PromptText();
        List<IntentExample> train = split.train();
        List<String> trainLabels = train.stream().map(IntentExample::label).toList();
        EmbeddingFileCache cache = new EmbeddingFileCache(moduleDir.resolve("target/intent-embeddings"));
        float[][] x;
        float[][] authoredX;
        List<String> authoredY;
        try (SentenceEmbedder embedder = new SentenceEmbedder(EmbedderConfig.defaults(variant).withIntraOpThreads(2))) {
            x = cache.embedAll(embedder, TrainIntentHead.texts(train, promptText), BatchedEmbedding.DEFAULT_BATCH);
            List<IntentExample> authored = AuthoredExamples.loadExcluding(rows);
            authoredX = cache.embedAll(embedder, TrainIntentHead.texts(authored, promptText), BatchedEmbedding.DEFAULT_BATCH);
            authoredY = authored.stream().map(IntentExample::label).toList();
        }
        // fold of every training row: 0 = scored (inner) / 0..4 (cv5)
        int[] fold = new int[train.size()];
        int folds;
        if (mode.equals("inner")) {
            folds = 1;
            IntentDataset.Split inner = IntentDataset.stratifiedSplit(train, TrainIntentHead.VALIDATION_FRACTION, "inner:");
            Set<String> innerIds = new HashSet<>();
            inner.validation().forEach(r -> innerIds.add(r.id()));
            for (int i = 0; i < fold.length; i++) {
                fold[i] = innerIds.contains(train.get(i).id()) ? 0 : -1;
            }
        } else {
            folds = 5;
            Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
            for (int i = 0; i < train.size(); i++) {
                byLabel.computeIfAbsent(trainLabels.get(i), l -> new ArrayList<>()).add(i);
            }
            for (List<Integer> group : byLabel.values()) {
                group.sort(Comparator.comparing(i -> IntentDataset.sha256Hex("cv:" + train.get(i).id())));
                for (int r = 0; r < group.size(); r++) {
                    fold[group.get(r)] = r % folds;
                }
            }
        }
        System.out.printf("%s %s: %d training-side rows, authored %d%n", variant.id(), mode, x.length, authoredX.length);
        if (mode.equals("authored")) {
            // train on the whole training side (+ with '+': the other half of the authored examples), score the
            // authored examples of one half (even / odd position), both halves in turn
            for (int a = 2; a < args.length; a++) {
                String spec = args[a];
                boolean withAuthored = spec.startsWith("+");
                Method method = parse(withAuthored ? spec.substring(1) : spec);
                List<String> truth = new ArrayList<>();
                List<String> predicted = new ArrayList<>();
                for (int half = 0; half < 2; half++) {
                    List<float[]> tx = new ArrayList<>(List.of(x));
                    List<String> ty = new ArrayList<>(trainLabels);
                    List<float[]> test = new ArrayList<>();
                    for (int i = 0; i < authoredX.length; i++) {
                        if (i % 2 == half) {
                            test.add(authoredX[i]);
                            truth.add(authoredY.get(i));
                        } else if (withAuthored) {
                            tx.add(authoredX[i]);
                            ty.add(authoredY.get(i));
                        }
                    }
                    Map<Integer, double[][]> out = method.run(tx.toArray(new float[0][]), ty, test.toArray(new float[0][]));
                    double[][] last = out.get(out.keySet().stream().max(Integer::compare).orElseThrow());
                    predicted.addAll(argmax(last));
                }
                F1Report r = F1Report.of(truth, predicted, Taxonomy.TRAINED_LABELS);
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s authored accuracy %.3f |", spec, r.accuracy()));
                for (String l : List.of("summarization", "grounded_qa", "information_extraction", "brainstorming",
                        "creative_writing", "question_answering")) {
                    sb.append(String.format(Locale.ROOT, " %s %.2f", l, r.score(l).recall()));
                }
                System.out.println(sb);
            }
            return;
        }
        for (int a = 2; a < args.length; a++) {
            String spec = args[a];
            long t0 = System.nanoTime();
            boolean withAuthored = spec.startsWith("+");
            Method method = parse(withAuthored ? spec.substring(1) : spec);
            Map<Integer, double[][]> pooled = new TreeMap<>();
            List<Integer> scored = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] >= 0) {
                    scored.add(i);
                }
            }
            Map<Integer, Integer> position = new HashMap<>();
            for (int j = 0; j < scored.size(); j++) {
                position.put(scored.get(j), j);
            }
            for (int f = 0; f < folds; f++) {
                List<float[]> tx = new ArrayList<>();
                List<String> ty = new ArrayList<>();
                List<Integer> test = new ArrayList<>();
                for (int i = 0; i < fold.length; i++) {
                    if (fold[i] == f) {
                        test.add(i);
                    } else {
                        tx.add(x[i]);
                        ty.add(trainLabels.get(i));
                    }
                }
                if (withAuthored) {
                    for (int i = 0; i < authoredX.length; i++) {
                        tx.add(authoredX[i]);
                        ty.add(authoredY.get(i));
                    }
                }
                float[][] testX = test.stream().map(i -> x[i]).toArray(float[][]::new);
                Map<Integer, double[][]> out = method.run(tx.toArray(new float[0][]), ty, testX);
                for (Map.Entry<Integer, double[][]> e : out.entrySet()) {
                    double[][] all = pooled.computeIfAbsent(e.getKey(), k -> new double[scored.size()][]);
                    for (int j = 0; j < test.size(); j++) {
                        all[position.get(test.get(j))] = e.getValue()[j];
                    }
                }
            }
            List<String> truth = scored.stream().map(trainLabels::get).toList();
            for (Map.Entry<Integer, double[][]> e : pooled.entrySet()) {
                print(spec, e.getKey(), F1Report.of(truth, argmax(e.getValue()), Taxonomy.TRAINED_LABELS), t0);
            }
        }
    }

    static List<String> argmax(double[][] p) {
        List<String> out = new ArrayList<>(p.length);
        for (double[] row : p) {
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            out.add(Taxonomy.TRAINED_LABELS.get(best));
        }
        return out;
    }

    static double[][] probabilities(IntentHead h, float[][] test) {
        double[][] p = new double[test.length][];
        for (int i = 0; i < test.length; i++) {
            p[i] = h.probabilities(test[i]);
        }
        return p;
    }

    private static Method parse(String s) {
        String[] p = s.split(":");
        List<String> labels = Taxonomy.TRAINED_LABELS;
        switch (p[0]) {
            case "lr": { // lr:power:l2:epochs
                HeadTrainer.Settings st = HeadTrainer.Settings.defaults().with(Integer.parseInt(p[3]),
                        Double.parseDouble(p[2]), Double.parseDouble(p[1]));
                return (x, y, test) -> Map.of(0, probabilities(new HeadTrainer(st).train(x, y, labels), test));
            }
            case "mlp": { // mlp:hidden:dropout:l2:power:epochs:lr
                MlpTrainer.Settings st = new MlpTrainer.Settings(Integer.parseInt(p[1]), Integer.parseInt(p[5]), 64,
                        Double.parseDouble(p[6]), Double.parseDouble(p[3]), Double.parseDouble(p[2]),
                        Double.parseDouble(p[4]), 20261204L);
                return (x, y, test) -> {
                    Map<Integer, double[][]> out = new TreeMap<>();
                    new MlpTrainer(st).train(x, y, labels, 10, (epoch, h) -> out.put(epoch, probabilities(h, test)));
                    return out;
                };
            }
            case "knn": { // knn:k:temperature
                int k = Integer.parseInt(p[1]);
                double t = Double.parseDouble(p[2]);
                return (x, y, test) -> Map.of(0, knn(x, y, test, k, t));
            }
            case "ens": { // ens:alpha:k:temperature  = alpha·LR(0.5, 1e-4, 30) + (1-alpha)·kNN
                double alpha = Double.parseDouble(p[1]);
                int k = Integer.parseInt(p[2]);
                double t = Double.parseDouble(p[3]);
                HeadTrainer.Settings st = HeadTrainer.Settings.defaults().with(30, 1e-4, 0.5);
                return (x, y, test) -> {
                    double[][] a = probabilities(new HeadTrainer(st).train(x, y, labels), test);
                    double[][] b = knn(x, y, test, k, t);
                    for (int i = 0; i < a.length; i++) {
                        for (int c = 0; c < a[i].length; c++) {
                            a[i][c] = alpha * a[i][c] + (1 - alpha) * b[i][c];
                        }
                    }
                    return Map.of(0, a);
                };
            }
            default:
                throw new IllegalArgumentException(s);
        }
    }

    /** Cosine kNN (vectors are L2-normalised): label score = Σ over the k nearest of exp(sim / t), normalised. */
    static double[][] knn(float[][] x, List<String> y, float[][] test, int k, double t) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < Taxonomy.TRAINED_LABELS.size(); c++) {
            index.put(Taxonomy.TRAINED_LABELS.get(c), c);
        }
        double[][] out = new double[test.length][Taxonomy.TRAINED_LABELS.size()];
        double[] sim = new double[x.length];
        Integer[] order = new Integer[x.length];
        for (int q = 0; q < test.length; q++) {
            for (int i = 0; i < x.length; i++) {
                double s = 0;
                for (int d = 0; d < x[i].length; d++) {
                    s += x[i][d] * test[q][d];
                }
                sim[i] = s;
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(sim[b], sim[a]));
            double sum = 0;
            for (int j = 0; j < Math.min(k, x.length); j++) {
                double w = Math.exp((sim[order[j]] - sim[order[0]]) / t);
                out[q][index.get(y.get(order[j]))] += w;
                sum += w;
            }
            for (int c = 0; c < out[q].length; c++) {
                out[q][c] /= sum;
            }
        }
        return out;
    }

    private static void print(String spec, int epoch, F1Report r, long t0) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s ep %3d  macro %.4f acc %.4f |", spec,
                epoch, r.macroF1(), r.accuracy()));
        for (F1Report.LabelScore s : r.scores()) {
            sb.append(String.format(Locale.ROOT, " %.2f", s.f1()));
        }
        sb.append(String.format(Locale.ROOT, "  (%.0f s)", (System.nanoTime() - t0) / 1e9));
        System.out.println(sb);
    }
}
