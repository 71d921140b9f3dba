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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prompt classification through intent-classifier's REST API: each client sends {@code POST /api/v1/classify} with
 * {@code batch} prompts, back to back ({@link ClosedLoop}). Every prompt gets a request number appended, so each one
 * is a miss of the embedding cache: the figure is the model's, not the cache's. Concurrency 1 with batch 1 gives the
 * single-prompt latency.
 */
final class ClassifyLoad {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong sequence = new AtomicLong();
    private final String url;
    private final List<String> prompts;

    ClassifyLoad(String classifierUrl, List<String> prompts) {
        this.url = classifierUrl + "/api/v1/classify";
        this.prompts = prompts;
    }

    ClosedLoop.Result run(int concurrency, int batch, int warmupSeconds, int seconds) throws Exception {
        return ClosedLoop.run(concurrency, warmupSeconds, seconds, client -> send(batch));
    }

    private long send(int batch) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            long n = sequence.incrementAndGet();
            texts.add(prompts.get((int) (n % prompts.size())) + " (request " + n + ")");
        }
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(Map.of("texts", texts))))
                .build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 ? batch : ClosedLoop.FAILED;
    }
}
