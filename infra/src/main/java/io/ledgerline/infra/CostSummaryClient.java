package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Reads the demo tenant's cost summary from cost-service and waits for replayed calls to be priced. */
public final class CostSummaryClient {

    static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String tenant;
    private final Clock clock;

    public CostSummaryClient(HttpClient http, ObjectMapper mapper, String baseUrl, String tenant, Clock clock) {
        this.http = http;
        this.mapper = mapper;
        this.baseUrl = baseUrl;
        this.tenant = tenant;
        this.clock = clock;
    }

    static String summaryPath(Instant from, Instant to, String groupBy) {
        return "/api/v1/costs/summary?from=" + enc(from.toString()) + "&to=" + enc(to.toString())
                + "&zone=UTC&groupBy=" + enc(groupBy);
    }

    /**
     * The end of the summary window: a day from now, rounded up to a quarter hour (cost-service adds 15-minute
     * roll-ups and answers 400 to a bound off the quarter hour).
     */
    static Instant summaryEnd(Instant now) {
        Instant dayAhead = now.plus(Duration.ofDays(1));
        long end = dayAhead.getEpochSecond() + (dayAhead.getNano() > 0 ? 1 : 0);
        long quarter = Duration.ofMinutes(15).toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(end + quarter - 1, quarter) * quarter);
    }

    public JsonNode fetch(String groupBy) {
        Instant to = summaryEnd(clock.instant());
        URI uri = URI.create(baseUrl + summaryPath(FROM, to, groupBy));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Ledgerline-Tenant", tenant)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LauncherException("cost-service answered HTTP " + response.statusCode() + " to " + uri + ": "
                        + Replayer.abbreviate(response.body()));
            }
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new LauncherException("cannot reach cost-service at " + uri + " (" + e.getMessage()
                    + "). Is the stack running? Start it with: infra/ledgerline start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while reading the cost summary");
        }
    }

    public long pricedCalls() {
        return fetch("provider,model").path("total").path("calls").asLong();
    }

    /**
     * Polls once a second until cost-service holds at least {@code expected} calls — or, when the ledger already
     * held calls before the replay ({@code before > 0}, a re-run whose call ids may be known already), until the
     * count reached {@code before + expected} or has stayed at least {@code expected} and unchanged for 5 s.
     */
    public long awaitPriced(long before, long expected, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        long last = -1;
        int stableFor = 0;
        while (true) {
            long calls = pricedCalls();
            if (calls >= before + expected) {
                return calls;
            }
            stableFor = calls == last ? stableFor + 1 : 0;
            last = calls;
            if (before > 0 && calls >= expected && stableFor >= 5) {
                return calls;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new LauncherException("cost-service has priced " + Math.max(0, calls - before) + " of the "
                        + expected + " accepted calls after " + timeout.toSeconds() + " s. Read .ledgerline/logs/"
                        + "collector-service.log and .ledgerline/logs/cost-service.log (and the broker's queues) "
                        + "to see where the calls stopped.");
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for pricing");
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
