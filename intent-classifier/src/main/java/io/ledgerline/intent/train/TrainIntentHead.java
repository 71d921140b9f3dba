package io.ledgerline.intent.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.intent.embedding.EmbedderConfig;
import io.ledgerline.intent.embedding.ModelVariant;
import io.ledgerline.intent.embedding.SentenceEmbedder;
import io.ledgerline.intent.model.F1Report;
import io.ledgerline.intent.model.HeadTrainer;
import io.ledgerline.intent.model.IntentHead;
import io.ledgerline.intent.model.IntentHeadFiles;
import io.ledgerline.intent.model.IntentModel;
import io.ledgerline.intent.model.Prediction;
import io.ledgerline.intent.model.PromptText;
import io.ledgerline.intent.model.Taxonomy;
import io.ledgerline.intent.model.ThresholdCalibrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains the shipped intent heads (fp32 and int8) from the permissive rows of the shared intent data and writes
 * the weights, the model card and the validation split into the module.
 *
 * <pre>
 * cd /path/to/repo   # the folder holding pom.xml; ../shared/data/intents/ beside it
 * mvn -B -ntp -pl intent-classifier compile exec:java -Dexec.args="[--data FILE] [--module-dir DIR] [--keep 0.95]"
 * </pre>
 */
public final class TrainIntentHead {

    static final double VALIDATION_FRACTION = 0.15;
    static final double DEFAULT_KEEP_CORRECT = 0.98;
    static final int CALIBRATION_FOLDS = 5;
    static final double[] CLASS_WEIGHT_POWERS = {0.0, 0.5, 1.0};
    static final double[] L2_VALUES = {1e-5, 1e-4, 1e-3};
    static final int[] EPOCHS = {30, 60, 120};
    /** keep fractions compared (on the inner split) for the {@code other} threshold */
    static final double[] KEEP_FRACTIONS = {0.90, 0.95, 0.98, 1.0};

    private TrainIntentHead() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path moduleDir = Path.of(opts.getOrDefault("--module-dir", defaultModuleDir().toString())).toAbsolutePath().normalize();
        Path data = Path.of(opts.getOrDefault("--data",
                moduleDir.resolve("../../shared/data/intents/intents-train.jsonl").toString())).toAbsolutePath().normalize();
        double keep = Double.parseDouble(opts.getOrDefault("--keep", Double.toString(DEFAULT_KEEP_CORRECT)));
        String date = opts.getOrDefault("--date", LocalDate.now().toString());
        int threads = Integer.parseInt(opts.getOrDefault("--threads", "2"));
        String revision = opts.getOrDefault("--revision", "");
        if (!Files.exists(data)) {
            throw new IllegalArgumentException("Training data not found at " + data + ": pass --data FILE");
        }
        Path resources = moduleDir.resolve("src/main/resources/intent-model");
        Path validationFile = moduleDir.resolve("src/test/resources/intents/validation.jsonl");
        EmbeddingFileCache cache = new EmbeddingFileCache(moduleDir.resolve("target/intent-embeddings"));

        List<IntentExample> rows = IntentDataset.readPermissive(data);
        IntentDataset.Split split = IntentDataset.stratifiedSplit(rows, VALIDATION_FRACTION);
        System.out.printf("permissive rows %d: train %d, validation %d%n", rows.size(), split.train().size(),
                split.validation().size());
        IntentDataset.write(split.validation(), validationFile);
        // our own examples for the weak labels: training side only, and never a text that is also a data row
        List<IntentExample> authored = opts.getOrDefault("--authored", "true").equals("true")
                ? AuthoredExamples.loadExcluding(rows) : List.of();
        System.out.printf("authored examples added to training: %d%n", authored.size());

        PromptText promptText = new PromptText();
        List<String> trainTexts = texts(split.train(), promptText);
        List<String> trainLabels = split.train().stream().map(IntentExample::label).toList();
        List<String> validationTexts = texts(split.validation(), promptText);
        List<String> validationLabels = split.validation().stream().map(IntentExample::label).toList();
        IntentDataset.Split inner = IntentDataset.stratifiedSplit(split.train(), VALIDATION_FRACTION, "inner:");
        Set<String> innerValidationIds = new HashSet<>();
        inner.validation().forEach(r -> innerValidationIds.add(r.id()));

        List<String> authoredTexts = texts(authored, promptText);
        List<String> authoredLabels = authored.stream().map(IntentExample::label).toList();

        ModelCard card = new ModelCard(data, rows, split, authored, keep, date);
        for (ModelVariant variant : ModelVariant.values()) {
            EmbedderConfig config = EmbedderConfig.defaults(variant).withIntraOpThreads(threads);
            float[][] xTrain;
            float[][] xValidation;
            float[][] xAuthored;
            double embedSeconds;
            try (SentenceEmbedder embedder = new SentenceEmbedder(config)) {
                xTrain = cache.embedAll(embedder, trainTexts, BatchedEmbedding.DEFAULT_BATCH);
                xAuthored = authored.isEmpty() ? new float[0][]
                        : cache.embedAll(embedder, authoredTexts, BatchedEmbedding.DEFAULT_BATCH);
                long t0 = System.nanoTime(); // the validation side is never taken from the file cache: time it
                xValidation = BatchedEmbedding.embedAll(embedder, validationTexts, BatchedEmbedding.DEFAULT_BATCH);
                embedSeconds = (System.nanoTime() - t0) / 1e9;
            }
            System.out.printf("%s: validation texts embedded in %.1f s%n", variant.id(), embedSeconds);

            // hyper-parameters chosen on an inner split of the training side only; the validation split stays unseen
            List<float[]> innerTrainX = new ArrayList<>();
            List<String> innerTrainY = new ArrayList<>();
            List<float[]> innerValX = new ArrayList<>();
            List<String> innerValY = new ArrayList<>();
            for (int i = 0; i < xTrain.length; i++) {
                boolean held = innerValidationIds.contains(split.train().get(i).id());
                (held ? innerValX : innerTrainX).add(xTrain[i]);
                (held ? innerValY : innerTrainY).add(trainLabels.get(i));
            }
            List<float[]> innerDataOnlyX = new ArrayList<>(innerTrainX);
            List<String> innerDataOnlyY = new ArrayList<>(innerTrainY);
            innerTrainX.addAll(List.of(xAuthored)); // authored rows: always on the training side of the inner split
            innerTrainY.addAll(authoredLabels);
            HeadTrainer.Settings base = HeadTrainer.Settings.defaults();
            HeadTrainer.Settings best = null;
            double bestF1 = -1;
            List<String> grid = new ArrayList<>();
            for (double power : CLASS_WEIGHT_POWERS) {
                for (double l2 : L2_VALUES) {
                    for (int epochs : EPOCHS) {
                        HeadTrainer.Settings s = base.with(epochs, l2, power);
                        IntentHead h = new HeadTrainer(s).train(innerTrainX.toArray(new float[0][]), innerTrainY,
                                Taxonomy.TRAINED_LABELS);
                        double f1 = report(h, innerValX.toArray(new float[0][]), innerValY).macroF1();
                        grid.add(String.format(Locale.ROOT, "| %.1f | %s | %d | %.4f |", power, l2, epochs, f1));
                        if (f1 > bestF1) {
                            bestF1 = f1;
                            best = s;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: chosen %s (inner macro-F1 %.4f)%n", variant.id(), best, bestF1);
            float[][] ivx = innerValX.toArray(new float[0][]);
            IntentHead innerHead = new HeadTrainer(best).train(innerTrainX.toArray(new float[0][]), innerTrainY,
                    Taxonomy.TRAINED_LABELS);
            F1Report innerWithAuthored = report(innerHead, ivx, innerValY);
            F1Report innerWithoutAuthored = report(new HeadTrainer(best).train(innerDataOnlyX.toArray(new float[0][]),
                    innerDataOnlyY, Taxonomy.TRAINED_LABELS), ivx, innerValY);
            double[] authoredCheck = authoredHalves(best, xTrain, trainLabels, xAuthored, authoredLabels);

            // the `other` threshold, calibrated on out-of-fold predictions over the whole training side (5 folds,
            // chosen settings, authored rows always on the training side of a fold), never on validation
            List<Prediction> oof = outOfFold(best, split.train(), xTrain, trainLabels, xAuthored, authoredLabels);
            double threshold = ThresholdCalibrator.keepingCorrect(oof, trainLabels, keep);
            List<String> keepTable = new ArrayList<>();
            for (double k : KEEP_FRACTIONS) {
                double t = ThresholdCalibrator.keepingCorrect(oof, trainLabels, k);
                List<String> predicted = oof.stream().map(p -> p.topProbability() < t ? Taxonomy.OTHER : p.topLabel()).toList();
                long o = predicted.stream().filter(Taxonomy.OTHER::equals).count();
                keepTable.add(String.format(Locale.ROOT, "| %.2f | %.4f | %.4f | %.1f%% |", k, t,
                        F1Report.of(trainLabels, predicted, Taxonomy.TRAINED_LABELS).macroF1(), 100.0 * o / oof.size()));
            }

            float[][] xFinal = concat(xTrain, xAuthored);
            List<String> yFinal = new ArrayList<>(trainLabels);
            yFinal.addAll(authoredLabels);
            long t1 = System.nanoTime();
            IntentHead raw = new HeadTrainer(best).train(xFinal, yFinal, Taxonomy.TRAINED_LABELS);
            double trainSeconds = (System.nanoTime() - t1) / 1e9;
            Map<Double, F1Report> byPower = new LinkedHashMap<>();
            for (double power : CLASS_WEIGHT_POWERS) {
                IntentHead h = power == best.classWeightPower() ? raw
                        : new HeadTrainer(best.with(best.epochs(), best.l2(), power)).train(xFinal, yFinal, Taxonomy.TRAINED_LABELS);
                byPower.put(power, report(h, xValidation, validationLabels));
            }

            IntentHead head = raw.withThreshold(threshold);
            F1Report withThreshold = report(head, xValidation, validationLabels);
            F1Report noThreshold = report(raw, xValidation, validationLabels);
            long others = predict(head, xValidation).stream().filter(Prediction::isOther).count();

            // a new revision on the same day must not reuse a version string: the service records it per call
            String version = "minilm-l6-v2-" + variant.id() + "+lr-" + date + (revision.isEmpty() ? "" : "-" + revision);
            IntentModel model = new IntentModel(head, variant, version, withThreshold.macroF1());
            ObjectNode details = IntentHeadFiles.newObject();
            details.put("rows", validationLabels.size());
            details.put("macroF1WithoutThreshold", noThreshold.macroF1());
            details.put("accuracy", withThreshold.accuracy());
            details.put("answeredOther", others);
            details.put("keepCorrectFraction", keep);
            details.put("thresholdCalibratedOn", CALIBRATION_FOLDS + "-fold out-of-fold predictions of the training side");
            details.put("authoredTrainingExamples", authored.size());
            IntentHeadFiles.write(model, details, resources.resolve("head-" + variant.id() + ".json"));
            System.out.printf(Locale.ROOT, "%s: threshold %.4f, macro-F1 %.4f (no threshold %.4f), other %d%n",
                    variant.id(), threshold, withThreshold.macroF1(), noThreshold.macroF1(), others);
            System.out.println(withThreshold.toMarkdown());
            card.addVariant(new ModelCard.VariantResult(variant, version, best, bestF1, grid, threshold, withThreshold,
                    noThreshold, byPower, others, embedSeconds, validationTexts.size(), trainSeconds, innerWithAuthored,
                    innerWithoutAuthored, authoredCheck[0], authoredCheck[1], keepTable));
        }
        Files.writeString(resources.resolve("MODEL_CARD.md"), card.render());
        System.out.println("wrote " + resources + " and " + validationFile);
    }

    /**
     * Accuracy on the authored examples when they are NOT trained on: each half (even / odd position) is scored by
     * a head trained on the training side {0: alone, 1: plus the other half}. Our own prompts, so a check of
     * realistic phrasing, not an unbiased test.
     */
    static double[] authoredHalves(HeadTrainer.Settings settings, float[][] x, List<String> y, float[][] ax,
                                   List<String> ay) {
        if (ax.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] out = new double[2];
        for (int with = 0; with < 2; with++) {
            int correct = 0;
            for (int half = 0; half < 2; half++) {
                List<float[]> tx = new ArrayList<>(List.of(x));
                List<String> ty = new ArrayList<>(y);
                List<float[]> test = new ArrayList<>();
                List<String> truth = new ArrayList<>();
                for (int i = 0; i < ax.length; i++) {
                    if (i % 2 == half) {
                        test.add(ax[i]);
                        truth.add(ay.get(i));
                    } else if (with == 1) {
                        tx.add(ax[i]);
                        ty.add(ay.get(i));
                    }
                }
                IntentHead h = new HeadTrainer(settings).train(tx.toArray(new float[0][]), ty, Taxonomy.TRAINED_LABELS);
                for (int i = 0; i < test.size(); i++) {
                    if (h.predict(test.get(i)).topLabel().equals(truth.get(i))) {
                        correct++;
                    }
                }
            }
            out[with] = (double) correct / ax.length;
        }
        return out;
    }

    /** Out-of-fold predictions (threshold 0) of every training row: per label, rows ranked by sha256("cv:" + id). */
    static List<Prediction> outOfFold(HeadTrainer.Settings settings, List<IntentExample> rows, float[][] x,
                                      List<String> y, float[][] ax, List<String> ay) {
        int[] fold = new int[rows.size()];
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            byLabel.computeIfAbsent(y.get(i), l -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byLabel.values()) {
            group.sort(java.util.Comparator.comparing(i -> IntentDataset.sha256Hex("cv:" + rows.get(i).id())));
            for (int r = 0; r < group.size(); r++) {
                fold[group.get(r)] = r % CALIBRATION_FOLDS;
            }
        }
        Prediction[] out = new Prediction[rows.size()];
        for (int f = 0; f < CALIBRATION_FOLDS; f++) {
            List<float[]> tx = new ArrayList<>(List.of(ax));
            List<String> ty = new ArrayList<>(ay);
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] != f) {
                    tx.add(x[i]);
                    ty.add(y.get(i));
                }
            }
            IntentHead h = new HeadTrainer(settings).train(tx.toArray(new float[0][]), ty, Taxonomy.TRAINED_LABELS);
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == f) {
                    out[i] = h.predict(x[i]);
                }
            }
        }
        return List.of(out);
    }

    static float[][] concat(float[][] a, float[][] b) {
        float[][] out = new float[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<String> texts(List<IntentExample> rows, PromptText promptText) {
        return rows.stream().map(r -> promptText.of(null, r.text()).orElse("")).toList();
    }

    static List<Prediction> predict(IntentHead head, float[][] x) {
        List<Prediction> out = new ArrayList<>(x.length);
        for (float[] v : x) {
            out.add(head.predict(v));
        }
        return out;
    }

    static F1Report report(IntentHead head, float[][] x, List<String> truth) {
        List<String> predicted = predict(head, x).stream().map(Prediction::label).toList();
        return F1Report.of(truth, predicted, Taxonomy.TRAINED_LABELS);
    }

    /** The module folder: the current folder if it is the module, else ./intent-classifier. */
    static Path defaultModuleDir() {
        Path here = Path.of("").toAbsolutePath();
        if (here.getFileName() != null && here.getFileName().toString().equals("intent-classifier")) {
            return here;
        }
        return here.resolve("intent-classifier");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--data FILE] [--module-dir DIR] [--keep 0.95] [--date YYYY-MM-DD] [--threads N] [--authored true|false] [--revision r2]");
            }
            out.put(args[i], args[++i]);
        }
        return out;
    }

    static Map<String, Integer> countBy(List<IntentExample> rows, java.util.function.Function<IntentExample, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
        return counts;
    }
}
