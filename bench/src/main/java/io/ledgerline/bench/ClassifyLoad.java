package io.ledgerline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prompt classification through intent-classifier's REST API: {@code concurrency} clients each send
 * {@code POST /api/v1/classify} with {@code batch} prompts, back to back, for {@code seconds} (after a warm-up that is
 * not counted). Every prompt gets a request number appended, so each one is a miss of the embedding cache: the figure
 * is the model's, not the cache's. Concurrency 1 with batch 1 gives the single-prompt latency.
 */
final class ClassifyLoad {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String url;
    private final List<String> prompts;

    ClassifyLoad(String classifierUrl, List<String> prompts) {
        this.url = classifierUrl + "/api/v1/classify";
        this.prompts = prompts;
    }

    record Result(long prompts, long failedRequests, double seconds, Percentiles latencyMs) {
        double promptsPerSecond() {
            return prompts / seconds;
        }
    }

    Result run(int concurrency, int batch, int warmupSeconds, int seconds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        AtomicLong sequence = new AtomicLong();
        try {
            drive(clients, sequence, concurrency, batch, warmupSeconds);
            return drive(clients, sequence, concurrency, batch, seconds);
        } finally {
            clients.shutdownNow();
        }
    }

    private Result drive(ExecutorService clients, AtomicLong sequence, int concurrency, int batch, int seconds)
            throws Exception {
        AtomicLong classified = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<List<Double>>> runs = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            runs.add(clients.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    List<String> texts = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        long n = sequence.incrementAndGet();
                        texts.add(prompts.get((int) (n % prompts.size())) + " (request " + n + ")");
                    }
                    byte[] body = mapper.writeValueAsBytes(Map.of("texts", texts));
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (response.statusCode() == 200) {
                        classified.addAndGet(batch);
                    } else {
                        failed.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> run : runs) {
            all.addAll(run.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(classified.get(), failed.get(), elapsed,
                new Percentiles(all.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
