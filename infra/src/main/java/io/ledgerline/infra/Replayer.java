package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Sends exchanges to the collector's ingest API ({@code POST /api/v1/exchanges}) in bounded batches. */
public final class Replayer {

    public static final int MAX_BATCH = 50;

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final URI endpoint;
    private final String apiKey;

    public Replayer(HttpClient http, ObjectMapper mapper, String collectorBaseUrl, String apiKey) {
        this.http = http;
        this.mapper = mapper;
        this.endpoint = URI.create(collectorBaseUrl + "/api/v1/exchanges");
        this.apiKey = apiKey;
    }

    public ReplayReport replay(List<ExchangeSource.Item> items) {
        ReplayReport report = new ReplayReport();
        for (int from = 0; from < items.size(); from += MAX_BATCH) {
            List<ExchangeSource.Item> batch = items.subList(from, Math.min(items.size(), from + MAX_BATCH));
            ArrayNode body = mapper.createArrayNode();
            batch.forEach(item -> body.add(item.exchange()));
            HttpResponse<String> response = post(body);
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new LauncherException("the collector refused the demo API key (HTTP " + status + "): "
                        + response.body() + "\nThe key comes from $" + DemoKey.ENV
                        + " or .ledgerline/demo-key; the collector must have been started with the same key.");
            }
            JsonNode answer = null;
            try {
                answer = mapper.readTree(response.body());
            } catch (IOException notJson) {
                // reported below as items without an answer
            }
            if (status != 200 && status != 207 && status != 422) {
                throw new LauncherException("the collector answered HTTP " + status + " to " + endpoint + ": "
                        + abbreviate(response.body()));
            }
            report.add(batch, status, answer);
        }
        return report;
    }

    private HttpResponse<String> post(ArrayNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LauncherException("cannot reach the collector at " + endpoint + " (" + e.getMessage()
                    + "). Is the stack running? Start it with: infra/ledgerline start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while replaying");
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
