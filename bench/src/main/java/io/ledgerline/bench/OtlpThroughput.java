package io.ledgerline.bench;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OTLP/HTTP protobuf ingest throughput: each client sends batches of {@code batch} GenAI spans back to back
 * ({@link ClosedLoop}), and the accepted spans per second are reported with the request latency.
 */
final class OtlpThroughput {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String apiKey;
    private final List<String> prompts;
    private final AtomicLong rejected = new AtomicLong();

    OtlpThroughput(String collectorUrl, String apiKey, List<String> prompts) {
        this.url = collectorUrl + "/v1/traces";
        this.apiKey = apiKey;
        this.prompts = prompts;
    }

    record Result(ClosedLoop.Result load, long rejected) {
    }

    Result run(int concurrency, int batch, int warmupSeconds, int seconds) throws Exception {
        GenAiSpanBatch[] spans = new GenAiSpanBatch[concurrency];
        long seed = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            spans[c] = new GenAiSpanBatch(prompts, new Random(seed + c));
        }
        ClosedLoop.Result warmupAndLoad = ClosedLoop.run(concurrency, warmupSeconds, seconds, client -> {
            byte[] body = spans[client].build(batch, System.currentTimeMillis() * 1_000_000L).toByteArray();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-protobuf")
                    .header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return ClosedLoop.FAILED;
            }
            long refused = ExportTraceServiceResponse.parseFrom(response.body()).getPartialSuccess().getRejectedSpans();
            rejected.addAndGet(refused);
            return batch - refused;
        });
        return new Result(warmupAndLoad, rejected.get());
    }
}
