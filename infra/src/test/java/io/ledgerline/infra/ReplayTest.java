package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Replay answers and batching. The HTTP side talks to a stand-in collector (a JDK HttpServer) that answers per item. */
class ReplayTest {

    final ObjectMapper mapper = new ObjectMapper();

    static List<ExchangeSource.Item> items(int n) {
        ObjectMapper mapper = new ObjectMapper();
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new ExchangeSource.Item("f" + (i / 10) + ".exchange.json", i % 10, mapper.createObjectNode()))
                .toList();
    }

    @Test
    void partialAnswerIsCountedPerItem() throws Exception {
        List<ExchangeSource.Item> batch = items(4);
        JsonNode answer = mapper.readTree("""
                {"accepted":2,"rejected":1,"results":[
                  {"index":0,"callId":"c-1"},
                  {"index":1,"error":{"field":"response.body","reason":"not JSON, SSE or NDJSON"}},
                  {"index":2,"callId":"c-1"}]}
                """);
        ReplayReport report = new ReplayReport();
        report.add(batch, 207, answer);
        assertEquals(4, report.sent());
        assertEquals(2, report.acceptedItems());
        assertEquals(java.util.Set.of("c-1"), report.acceptedCallIds());
        assertEquals(2, report.rejections().size());
        assertEquals(new ReplayReport.Rejection("f0.exchange.json", 1, "response.body", "not JSON, SSE or NDJSON"),
                report.rejections().get(0));
        assertEquals("f0.exchange.json", report.rejections().get(1).file());
        assertEquals(3, report.rejections().get(1).index());
        assertTrue(report.rejections().get(1).reason().contains("HTTP 207"));
        assertTrue(report.describe().contains("  rejected f0.exchange.json #1: response.body: not JSON, SSE or NDJSON\n"),
                report.describe());
    }

    @Test
    void postsBatchesOfAtMost50WithTheKey() throws IOException {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/exchanges", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            ArrayNode body = (ArrayNode) mapper.readTree(exchange.getRequestBody());
            batchSizes.add(body.size());
            ObjectNode answer = mapper.createObjectNode();
            ArrayNode results = answer.putArray("results");
            for (int i = 0; i < body.size(); i++) {
                results.addObject().put("index", i).put("callId", "id-" + batchSizes.size() + "-" + i);
            }
            byte[] bytes = mapper.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<ExchangeSource.Item> recorded = new ExchangeSource(mapper).read(CassetteConverterTest.RECORDED, Instant.EPOCH);
            ReplayReport report = new Replayer(Net.httpClient(), mapper, base, "llk_test").replay(recorded);
            assertEquals(List.of(50, 50, 49), batchSizes);
            assertEquals(List.of("Bearer llk_test", "Bearer llk_test", "Bearer llk_test"), authorizations);
            assertEquals(149, report.acceptedCallIds().size());
            assertTrue(report.rejections().isEmpty());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void wrongKeyStopsWithAClearMessage() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/exchanges", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = "{\"title\":\"Unauthorized\",\"status\":401}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            Replayer replayer = new Replayer(Net.httpClient(), mapper, "http://127.0.0.1:" + server.getAddress().getPort(), "llk_wrong");
            LauncherException e = assertThrows(LauncherException.class, () -> replayer.replay(items(3)));
            assertTrue(e.getMessage().contains("refused the demo API key (HTTP 401)"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void summaryQuery() {
        assertEquals("/api/v1/costs/summary?from=1970-01-01T00%3A00%3A00Z&to=2026-08-02T00%3A00%3A00Z&zone=UTC"
                        + "&groupBy=provider%2Cmodel",
                CostSummaryClient.summaryPath(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2026-08-02T00:00:00Z"),
                        "provider,model"));
    }

    @Test
    void summaryEndsOnAQuarterHourADayAhead() {
        assertEquals(Instant.parse("2026-08-02T10:15:00Z"), CostSummaryClient.summaryEnd(Instant.parse("2026-08-01T10:07:31.5Z")));
        assertEquals(Instant.parse("2026-08-02T10:15:00Z"), CostSummaryClient.summaryEnd(Instant.parse("2026-08-01T10:15:00Z")));
        assertEquals(Instant.parse("2026-08-02T10:30:00Z"), CostSummaryClient.summaryEnd(Instant.parse("2026-08-01T10:15:00.001Z")));
    }
}
