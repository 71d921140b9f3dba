package io.ledgerline.bench;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OTLP/HTTP protobuf ingest throughput: {@code concurrency} clients each send batches of {@code batch} GenAI spans
 * back to back for {@code seconds} (after a warm-up that is not counted), and the accepted spans per second are
 * reported with the request latency and the collector's resident memory.
 */
final class OtlpThroughput {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String apiKey;
    private final List<String> prompts;

    OtlpThroughput(String collectorUrl, String apiKey, List<String> prompts) {
        this.url = collectorUrl + "/v1/traces";
        this.apiKey = apiKey;
        this.prompts = prompts;
    }

    record Result(long spans, long rejected, long failedRequests, double seconds, Percentiles latencyMs) {
        double spansPerSecond() {
            return spans / seconds;
        }
    }

    Result run(int concurrency, int batch, int warmupSeconds, int seconds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            drive(clients, concurrency, batch, warmupSeconds);
            return drive(clients, concurrency, batch, seconds);
        } finally {
            clients.shutdownNow();
        }
    }

    private Result drive(ExecutorService clients, int concurrency, int batch, int seconds) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<List<Double>>> runs = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            long seed = start + c;
            runs.add(clients.submit(() -> {
                GenAiSpanBatch spans = new GenAiSpanBatch(prompts, new Random(seed));
                List<Double> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    byte[] body = spans.build(batch, System.currentTimeMillis() * 1_000_000L).toByteArray();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-protobuf")
                            .header("Authorization", "Bearer " + apiKey)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                        continue;
                    }
                    long refused = ExportTraceServiceResponse.parseFrom(response.body()).getPartialSuccess()
                            .getRejectedSpans();
                    rejected.addAndGet(refused);
                    accepted.addAndGet(batch - refused);
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> run : runs) {
            all.addAll(run.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(accepted.get(), rejected.get(), failed.get(), elapsed,
                new Percentiles(all.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
