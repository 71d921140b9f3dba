package io.ledgerline.intent.bench;

import io.ledgerline.intent.embedding.EmbedderConfig;
import io.ledgerline.intent.embedding.ModelVariant;
import io.ledgerline.intent.embedding.SentenceEmbedder;
import io.ledgerline.intent.model.IntentHeadFiles;
import io.ledgerline.intent.model.IntentModel;
import io.ledgerline.intent.model.PromptText;
import io.ledgerline.intent.train.BatchedEmbedding;
import io.ledgerline.intent.train.IntentDataset;
import io.ledgerline.intent.train.IntentExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): prompts/s for fp32 and int8 at batch 1, 16 and 32 over the validation texts, single-prompt
 * p50/p99 latency (embedding + head) and the process RSS (VmRSS / VmHWM from /proc/self/status).
 *
 * <pre>
 * cd intent-classifier
 * mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     io.ledgerline.intent.bench.EmbeddingBench [threads=2] [texts=512] [fp32,int8]
 * </pre>
 * Run one variant per JVM for a clean RSS figure of each.
 * "file order" batches mix short and long prompts (padding to the longest costs); "sorted by length" is what
 * {@link BatchedEmbedding} does.
 */
public final class EmbeddingBench {

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        List<ModelVariant> variants = args.length > 2
                ? Arrays.stream(args[2].split(",")).map(ModelVariant::fromId).toList()
                : List.of(ModelVariant.values());
        Path file = Path.of(EmbeddingBench.class.getClassLoader().getResource("intents/validation.jsonl").toURI());
        PromptText promptText = new PromptText();
        List<String> texts = new ArrayList<>();
        for (IntentExample r : IntentDataset.readAll(file)) {
            texts.add(promptText.of(null, r.text()).orElse(""));
        }
        // a fixed, label-mixed subset: every k-th row
        int step = Math.max(1, texts.size() / limit);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < texts.size() && sample.size() < limit; i += step) {
            sample.add(texts.get(i));
        }
        System.out.printf(Locale.ROOT, "texts %d (every %d-th validation row), mean %.0f chars, intra-op threads %d, cores %d%n",
                sample.size(), step, sample.stream().mapToInt(String::length).average().orElse(0), threads,
                Runtime.getRuntime().availableProcessors());
        System.out.println("start: " + memory());
        for (ModelVariant variant : variants) {
            try (SentenceEmbedder embedder = new SentenceEmbedder(EmbedderConfig.defaults(variant).withIntraOpThreads(threads))) {
                IntentModel model = IntentHeadFiles.loadShipped(variant);
                System.out.printf(Locale.ROOT, "%s: mean tokens %.1f%n", variant.id(),
                        sample.stream().mapToInt(embedder::tokenCount).average().orElse(0));
                embedder.embed(sample.subList(0, 32)); // warm-up
                for (int batch : new int[] {1, 16, 32}) {
                    long t0 = System.nanoTime();
                    long c0 = cpuNanos();
                    for (int s = 0; s < sample.size(); s += batch) {
                        embedder.embed(sample.subList(s, Math.min(sample.size(), s + batch)));
                    }
                    report(variant, batch, "file order:     ", sample.size(), t0, c0);
                }
                // as a batching stage should do it: similar lengths together, so little padding
                for (int batch : new int[] {16, 32}) {
                    long t0 = System.nanoTime();
                    long c0 = cpuNanos();
                    BatchedEmbedding.embedAll(embedder, sample, batch);
                    report(variant, batch, "sorted by length:", sample.size(), t0, c0);
                }
                long[] latency = new long[Math.min(300, sample.size())];
                for (int i = 0; i < latency.length; i++) {
                    long t0 = System.nanoTime();
                    model.predict(embedder.embed(sample.get(i)));
                    latency[i] = System.nanoTime() - t0;
                }
                Arrays.sort(latency);
                System.out.printf(Locale.ROOT, "%s single prompt (embed + head, %d calls): p50 %.1f ms, p99 %.1f ms; %s%n",
                        variant.id(), latency.length, latency[latency.length / 2] / 1e6,
                        latency[(int) Math.ceil(latency.length * 0.99) - 1] / 1e6, memory());
            }
        }
    }

    private static void report(ModelVariant variant, int batch, String how, int count, long wallStart, long cpuStart) {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%s batch %2d, %s %6.1f prompts/s wall, %6.1f prompts per CPU-second%n",
                variant.id(), batch, how, count / wall, count / cpu);
    }

    /** CPU time of the whole process (all threads, ONNX Runtime's included): robust to other load on the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String memory() throws Exception {
        String rss = "?", hwm = "?";
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).trim();
            } else if (line.startsWith("VmHWM:")) {
                hwm = line.substring(6).trim();
            }
        }
        return "VmRSS " + rss + ", VmHWM " + hwm;
    }
}
