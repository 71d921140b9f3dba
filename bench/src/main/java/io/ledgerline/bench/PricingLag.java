package io.ledgerline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.infra.ExchangeSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exchange ingest → priced lag at a steady rate: recorded exchanges are sent one per request at {@code rate} per
 * second for {@code seconds}, each under a fresh client call id (so each is a new call); once every accepted call is
 * in the ledger, the lag of each call is read from the database: the cost stage's commit time minus the collector's
 * insert time of the call's span (both stamped by the same PostgreSQL clock).
 */
final class PricingLag {
    private static final String LAG_SQL = """
            SELECT count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY lag_ms),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms),
                   max(lag_ms)
            FROM (SELECT extract(epoch FROM l.priced_at - s.received_at) * 1000 AS lag_ms
                  FROM cost.call_ledger l JOIN collector.span s ON s.call_id = l.call_id
                  WHERE l.call_id = ANY(?)) lags
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String url;
    private final String apiKey;
    private final String jdbcUrl;

    PricingLag(String collectorUrl, String apiKey, String jdbcUrl) {
        this.url = collectorUrl + "/api/v1/exchanges";
        this.apiKey = apiKey;
        this.jdbcUrl = jdbcUrl;
    }

    record Result(int sent, int accepted, long measured, double p50, double p90, double p99, double max) {
    }

    Result run(List<ExchangeSource.Item> items, int rate, int seconds, Duration pricingTimeout) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        int total = rate * seconds;
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(4);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        pacer.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            pacer.execute(() -> {
                try {
                    send(items.get(n % items.size()), "bench-" + runId + "-" + n).ifPresent(accepted::add);
                } finally {
                    done.countDown();
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        done.await(seconds + 120L, TimeUnit.SECONDS);
        pacer.shutdownNow();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            Array ids = db.createArrayOf("text", accepted.toArray());
            awaitPriced(db, ids, accepted.size(), pricingTimeout);
            try (PreparedStatement lag = db.prepareStatement(LAG_SQL)) {
                lag.setArray(1, ids);
                try (ResultSet row = lag.executeQuery()) {
                    row.next();
                    return new Result(total, accepted.size(), row.getLong(1), row.getDouble(2), row.getDouble(3),
                            row.getDouble(4), row.getDouble(5));
                }
            }
        }
    }

    private Optional<String> send(ExchangeSource.Item item, String clientCallId) {
        ObjectNode exchange = item.exchange().deepCopy();
        exchange.with("metadata").put("callId", clientCallId);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(exchange.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = mapper.readTree(response.body());
            JsonNode callId = answer.path("results").path(0).path("callId");
            return callId.isTextual() ? Optional.of(callId.asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void awaitPriced(Connection db, Array ids, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM cost.call_ledger WHERE call_id = ANY(?)")) {
            count.setArray(1, ids);
            while (true) {
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) >= expected) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + row.getLong(1) + " of " + expected
                                + " calls were priced within " + timeout.toSeconds() + " s");
                    }
                }
                Thread.sleep(200);
            }
        }
    }
}
