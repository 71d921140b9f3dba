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
    static final double DEFAULT_KEEP_CORRECT = 0.95;
    static final double[] CLASS_WEIGHT_POWERS = {0.0, 0.5, 1.0};
    static final double[] L2_VALUES = {1e-5, 1e-4, 1e-3};
    static final int[] EPOCHS = {30, 60, 120};

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

        PromptText promptText = new PromptText();
        List<String> trainTexts = texts(split.train(), promptText);
        List<String> trainLabels = split.train().stream().map(IntentExample::label).toList();
        List<String> validationTexts = texts(split.validation(), promptText);
        List<String> validationLabels = split.validation().stream().map(IntentExample::label).toList();
        IntentDataset.Split inner = IntentDataset.stratifiedSplit(split.train(), VALIDATION_FRACTION, "inner:");
        Set<String> innerValidationIds = new HashSet<>();
        inner.validation().forEach(r -> innerValidationIds.add(r.id()));

        ModelCard card = new ModelCard(data, rows, split, keep, date);
        for (ModelVariant variant : ModelVariant.values()) {
            EmbedderConfig config = EmbedderConfig.defaults(variant).withIntraOpThreads(threads);
            float[][] xTrain;
            float[][] xValidation;
            double embedSeconds;
            try (SentenceEmbedder embedder = new SentenceEmbedder(config)) {
                xTrain = cache.embedAll(embedder, trainTexts, BatchedEmbedding.DEFAULT_BATCH);
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

            long t1 = System.nanoTime();
            IntentHead raw = new HeadTrainer(best).train(xTrain, trainLabels, Taxonomy.TRAINED_LABELS);
            double trainSeconds = (System.nanoTime() - t1) / 1e9;
            Map<Double, F1Report> byPower = new LinkedHashMap<>();
            for (double power : CLASS_WEIGHT_POWERS) {
                IntentHead h = power == best.classWeightPower() ? raw
                        : new HeadTrainer(best.with(best.epochs(), best.l2(), power)).train(xTrain, trainLabels, Taxonomy.TRAINED_LABELS);
                byPower.put(power, report(h, xValidation, validationLabels));
            }

            List<Prediction> rawPredictions = predict(raw, xValidation);
            double threshold = ThresholdCalibrator.keepingCorrect(rawPredictions, validationLabels, keep);
            IntentHead head = raw.withThreshold(threshold);
            F1Report withThreshold = report(head, xValidation, validationLabels);
            F1Report noThreshold = report(raw, xValidation, validationLabels);
            long others = predict(head, xValidation).stream().filter(Prediction::isOther).count();

            String version = "minilm-l6-v2-" + variant.id() + "+lr-" + date;
            IntentModel model = new IntentModel(head, variant, version, withThreshold.macroF1());
            ObjectNode details = IntentHeadFiles.newObject();
            details.put("rows", validationLabels.size());
            details.put("macroF1WithoutThreshold", noThreshold.macroF1());
            details.put("accuracy", withThreshold.accuracy());
            details.put("answeredOther", others);
            details.put("keepCorrectFraction", keep);
            IntentHeadFiles.write(model, details, resources.resolve("head-" + variant.id() + ".json"));
            System.out.printf(Locale.ROOT, "%s: threshold %.4f, macro-F1 %.4f (no threshold %.4f), other %d%n",
                    variant.id(), threshold, withThreshold.macroF1(), noThreshold.macroF1(), others);
            System.out.println(withThreshold.toMarkdown());
            card.addVariant(new ModelCard.VariantResult(variant, version, best, bestF1, grid, threshold, withThreshold,
                    noThreshold, byPower, others, embedSeconds, validationTexts.size(), trainSeconds));
        }
        Files.writeString(resources.resolve("MODEL_CARD.md"), card.render());
        System.out.println("wrote " + resources + " and " + validationFile);
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
                throw new IllegalArgumentException("usage: [--data FILE] [--module-dir DIR] [--keep 0.95] [--date YYYY-MM-DD] [--threads N]");
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
