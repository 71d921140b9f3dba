package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryFormatterTest {

    final ObjectMapper mapper = new ObjectMapper();

    // hand-written: three groups given in an order different from the printed one (cost descending, no cost last)
    static final String BY_MODEL = """
            {"tenantId":"demo","from":"1970-01-01T00:00:00Z","to":"2026-08-02T00:00:00Z","zone":"UTC",
             "groupBy":["provider","model"],"currency":"USD",
             "total":{"calls":7,"errors":1,"unpricedCalls":2,"discrepancyCalls":1,"inputTokens":1500,"cacheReadTokens":200,
                      "cacheWriteTokens":0,"outputTokens":320,"reasoningTokens":64,"cost":"0.01234500","ncu":"1.2345"},
             "groups":[
              {"key":{"provider":"anthropic","model":"claude-3-5-sonnet-20240620"},
               "metrics":{"calls":2,"errors":0,"unpricedCalls":0,"discrepancyCalls":1,"inputTokens":1000,"cacheReadTokens":200,
                          "cacheWriteTokens":0,"outputTokens":120,"reasoningTokens":0,"cost":"0.00540000","ncu":"0.54"}},
              {"key":{"provider":null,"model":null},
               "metrics":{"calls":2,"errors":1,"unpricedCalls":2,"discrepancyCalls":0,"inputTokens":100,"cacheReadTokens":0,
                          "cacheWriteTokens":0,"outputTokens":64,"reasoningTokens":0,"cost":null,"ncu":null}},
              {"key":{"provider":"openai","model":"gpt-4o"},
               "metrics":{"calls":3,"errors":0,"unpricedCalls":0,"discrepancyCalls":0,"inputTokens":400,"cacheReadTokens":0,
                          "cacheWriteTokens":0,"outputTokens":136,"reasoningTokens":64,"cost":"0.00694500","ncu":"0.6945"}}]}
            """;

    static final String BY_REASON = """
            {"tenantId":"demo","groupBy":["unpricedReason"],"currency":"USD","total":{"calls":7,"unpricedCalls":2},
             "groups":[
              {"key":{"unpricedReason":null},"metrics":{"calls":5,"unpricedCalls":0}},
              {"key":{"unpricedReason":"unknown_provider"},"metrics":{"calls":1,"unpricedCalls":1}},
              {"key":{"unpricedReason":"no_usage"},"metrics":{"calls":1,"unpricedCalls":1}}]}
            """;

    static List<String> words(String line) {
        return Arrays.asList(line.trim().split("\\s+"));
    }

    @Test
    void formatsTotalsTableAndUnpricedReasons() throws Exception {
        String text = SummaryFormatter.format(mapper.readTree(BY_MODEL), null, mapper.readTree(BY_REASON));
        List<String> lines = text.lines().toList();

        assertEquals("Cost summary — tenant demo, 1970-01-01T00:00:00Z to 2026-08-02T00:00:00Z (UTC), currency USD", lines.get(0));
        assertEquals("  calls   7   errors 1   unpriced 2   token discrepancies 1", lines.get(1));
        assertEquals("  tokens  input 1500   cache read 200   cache write 0   output 320   reasoning 64", lines.get(2));
        assertEquals("  cost    USD 0.01234500   NCU 1.2345", lines.get(3));
        assertEquals("", lines.get(4));
        assertEquals("By provider and model", lines.get(5));

        List<String> table = lines.subList(6, 10);
        assertEquals(List.of("provider", "model", "calls", "input", "cacheRead", "cacheWrite", "output", "reasoning",
                "cost", "NCU", "unpriced"), words(table.get(0)));
        assertEquals(List.of("openai", "gpt-4o", "3", "400", "0", "0", "136", "64", "0.00694500", "0.6945", "0"),
                words(table.get(1)));
        assertEquals(List.of("anthropic", "claude-3-5-sonnet-20240620", "2", "1000", "200", "0", "120", "0",
                "0.00540000", "0.54", "0"), words(table.get(2)));
        assertEquals(List.of("(unknown)", "(unknown)", "2", "100", "0", "0", "64", "0", "-", "-", "2"), words(table.get(3)));
        // columns line up: numbers are right-aligned under their header, so every line ends at the same column
        for (String line : table) {
            assertEquals(table.get(0).length(), line.length(), line);
        }
        int costEnd = table.get(0).indexOf(" cost ") + " cost".length();
        assertEquals(costEnd, table.get(1).indexOf("0.00694500") + "0.00694500".length());
        assertEquals(costEnd, table.get(3).indexOf("-") + 1);
        assertTrue(table.get(2).startsWith("  anthropic  claude-3-5-sonnet-20240620  "));

        assertEquals("", lines.get(10));
        assertEquals("Unpriced calls: 2", lines.get(11));
        assertEquals(List.of("reason", "calls"), words(lines.get(12)));
        assertEquals(List.of("unknown_provider", "1"), words(lines.get(13)));
        assertEquals(List.of("no_usage", "1"), words(lines.get(14)));
        assertEquals("Calls whose provider-reported tokens differ from the counted tokens: 1", lines.get(15));
        assertEquals(16, lines.size());
    }

    @Test
    void emptyLedger() throws Exception {
        JsonNode empty = mapper.readTree("""
                {"tenantId":"demo","from":"1970-01-01T00:00:00Z","to":"2026-08-02T00:00:00Z","zone":"UTC","currency":"USD",
                 "total":{"calls":0,"errors":0,"unpricedCalls":0,"discrepancyCalls":0,"inputTokens":0,"cacheReadTokens":0,
                          "cacheWriteTokens":0,"outputTokens":0,"reasoningTokens":0,"cost":"0","ncu":"0"},"groups":[]}
                """);
        String text = SummaryFormatter.format(empty, null, null);
        assertTrue(text.contains("\n  (no calls)\n"), text);
        assertTrue(text.contains("  cost    USD 0   NCU 0\n"), text);
        assertTrue(text.contains("Unpriced calls: 0\n"), text);
    }

    // hand-written: calls without an intent (null key) print as "(unknown)"; rows by cost, descending
    static final String BY_INTENT = """
            {"tenantId":"demo","groupBy":["intent"],"currency":"USD","total":{"calls":6},
             "groups":[
              {"key":{"intent":"translation"},"metrics":{"calls":1,"errors":0,"unpricedCalls":0,"cost":"0.0010","ncu":"0.0010"}},
              {"key":{"intent":"code_generation"},"metrics":{"calls":3,"errors":1,"unpricedCalls":1,"cost":"0.0300","ncu":"0.0310"}},
              {"key":{"intent":null},"metrics":{"calls":2,"errors":0,"unpricedCalls":0,"cost":"0.0020","ncu":"0.0020"}}]}
            """;

    @Test
    void printsCostByIntent() throws Exception {
        List<String> lines = SummaryFormatter.format(mapper.readTree(BY_MODEL), mapper.readTree(BY_INTENT), null)
                .lines().toList();
        int at = lines.indexOf("By intent (intent-classifier)");
        assertTrue(at > 0, String.join("\n", lines));
        assertEquals(List.of("intent", "calls", "errors", "cost", "NCU", "unpriced"), words(lines.get(at + 1)));
        assertEquals(List.of("code_generation", "3", "1", "0.0300", "0.0310", "1"), words(lines.get(at + 2)));
        assertEquals(List.of("(unknown)", "2", "0", "0.0020", "0.0020", "0"), words(lines.get(at + 3)));
        assertEquals(List.of("translation", "1", "0", "0.0010", "0.0010", "0"), words(lines.get(at + 4)));
    }
}
