package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.contracts.Addresses;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through real servers, no stand-ins: recorded exchanges → collector-service (its own JVM) → Artemis
 * (AMQP 1.0, persistent journal) → intent-classifier (its own JVM, the real all-MiniLM-L6-v2) → Artemis →
 * cost-service (its own JVM) → PostgreSQL → the summary REST API. A third of the way through the replay cost-service
 * is killed with SIGKILL, two thirds of the way intent-classifier too; the collector keeps accepting (the broker holds
 * the calls); then both are started again, and every accepted call must be classified and priced exactly once: one
 * intent per call in {@code intent.call_intent}, one ledger row per call with that intent in {@code cost.call_ledger},
 * and the summary (the roll-up tables) counting each call once.
 *
 * <p>Needs the service jars ({@code <module>/target/quarkus-app/quarkus-run.jar}): {@code mvn verify} from the root
 * builds them before this module's tests (infra is the last module of the reactor and depends on the services);
 * alone: {@code mvn -B -ntp -pl infra -am install -DskipTests}, then
 * {@code mvn -B -ntp -pl infra verify -Dtest=EndToEndCrashTest}. Every server listens on a free port, never on the
 * launcher's (a developer's stack may be running). Data and logs go to {@code infra/target/end-to-end-crash/}
 * (kept after the run for reading; replaced by the next run).
 */
class EndToEndCrashTest {

    static final String COLLECTOR = "collector-service";
    static final String INTENT = "intent-classifier";
    static final String COST = "cost-service";
    static final List<String> SERVICES = List.of(COLLECTOR, INTENT, COST);
    /** Items per POST: small, so there are enough batches to kill a service after each third of them. */
    static final int BATCH = 10;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final Duration PRICING_TIMEOUT = Duration.ofSeconds(120);

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = Net.httpClient();

    static Supervisor supervisor;
    static Thread shutdownHook;
    static Path workDir;

    @AfterAll
    static void stopEverything() {
        if (supervisor != null) {
            supervisor.close(); // services (SIGTERM, then kill), then PostgreSQL, then the broker
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway; close() is idempotent
            }
        }
    }

    @Test
    void everyAcceptedCallIsClassifiedAndPricedExactlyOnceAcrossCrashes() throws Exception {
        long t0 = System.nanoTime();
        Path repo = repoRoot();
        for (String service : SERVICES) {
            Path jar = StackConfig.service(service).jar(repo);
            if (!Files.isRegularFile(jar)) {
                fail(service + " is not built: " + jar + " is missing. Build the services first: "
                        + "mvn -B -ntp -pl infra -am install -DskipTests (or run mvn verify from the repository root)");
            }
        }
        workDir = repo.resolve("infra/target/end-to-end-crash");
        deleteRecursively(workDir);
        StackPaths paths = new StackPaths(repo, workDir);
        List<ServiceSpec> specs = SERVICES.stream().map(StackConfig::service).toList();
        StackPorts ports = StackPorts.free(specs);
        String key = DemoKey.generate(new SecureRandom());
        PrintStream out = System.out;
        out.println("End-to-end crash test: ports " + ports + ", data and logs in " + workDir);

        supervisor = new Supervisor(paths, ports, key, out, READY_TIMEOUT);
        shutdownHook = new Thread(supervisor::close, "end-to-end-crash-test-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook); // a killed test JVM (surefire timeout) stops its children
        supervisor.start(specs);
        out.printf("Stack ready in %.1f s%n", seconds(t0));

        List<ExchangeSource.Item> items = new ExchangeSource(MAPPER).read(paths.recordedCalls(), Instant.now());
        List<List<ExchangeSource.Item>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += BATCH) {
            batches.add(items.subList(from, Math.min(items.size(), from + BATCH)));
        }
        int killCostAfter = (batches.size() + 2) / 3;
        int killIntentAfter = 2 * batches.size() / 3;
        assertTrue(batches.size() >= 6 && killCostAfter < killIntentAfter && killIntentAfter < batches.size(),
                "too few batches: " + batches.size());

        Replayer replayer = new Replayer(HTTP, MAPPER, ports.collectorUrl(), key);
        Set<String> accepted = new LinkedHashSet<>();
        List<ReplayReport.Rejection> rejections = new ArrayList<>();
        int acceptedItems = 0;
        int acceptedWhileIntentDown = 0;
        long pricedBeforeCrash = -1;
        long classifiedBeforeCrash = -1;
        for (int b = 0; b < batches.size(); b++) {
            if (b == killCostAfter) {
                // kill it while it works: once the first calls are in the ledger, with the rest (usually) in flight
                awaitAtLeast(() -> count(ports, "SELECT count(*) FROM cost.call_ledger"), 1, Duration.ofSeconds(60), 20);
                supervisor.kill(COST);
                pricedBeforeCrash = count(ports, "SELECT count(*) FROM cost.call_ledger");
                out.println("cost-service killed after " + b + " of " + batches.size() + " batches: "
                        + accepted.size() + " calls accepted so far, " + pricedBeforeCrash + " of them in the ledger");
            }
            if (b == killIntentAfter) {
                awaitAtLeast(() -> count(ports, "SELECT count(*) FROM intent.call_intent"), accepted.size() / 2,
                        Duration.ofSeconds(60), 20);
                supervisor.kill(INTENT);
                classifiedBeforeCrash = count(ports, "SELECT count(*) FROM intent.call_intent");
                out.println("intent-classifier killed after " + b + " of " + batches.size() + " batches: "
                        + accepted.size() + " calls accepted so far, " + classifiedBeforeCrash + " classified");
            }
            // the collector must keep accepting while the stages are down: a refused batch fails the replay here
            ReplayReport report = replayer.replay(batches.get(b));
            acceptedItems += report.acceptedItems();
            accepted.addAll(report.acceptedCallIds());
            rejections.addAll(report.rejections());
            if (b >= killIntentAfter) {
                acceptedWhileIntentDown += report.acceptedItems();
            }
        }
        int expected = accepted.size();
        out.printf("Replayed %d exchanges in %d batches: %d accepted (%d while intent-classifier was down), "
                + "%d rejected%n", items.size(), batches.size(), expected, acceptedWhileIntentDown, rejections.size());
        rejections.forEach(r -> out.println("  rejected " + r));
        assertEquals(acceptedItems, expected, "the collector gave two accepted items the same call id");
        assertTrue(expected > 100, "only " + expected + " of " + items.size() + " recorded exchanges were accepted: "
                + rejections);
        assertTrue(acceptedWhileIntentDown > 0, "nothing was accepted while intent-classifier was down");

        // both stages are down: the accepted calls wait on the broker (the collector answers after the broker's ack)
        long waiting = awaitAtLeast(() -> supervisor.queueDepth(Addresses.CALLS_CAPTURED), acceptedWhileIntentDown,
                Duration.ofSeconds(30), 250);
        out.println(waiting + " calls waiting on " + Addresses.CALLS_CAPTURED + " while intent-classifier is down, "
                + supervisor.queueDepth(Addresses.CALLS_CLASSIFIED) + " on " + Addresses.CALLS_CLASSIFIED);
        assertTrue(waiting >= acceptedWhileIntentDown, "only " + waiting + " calls wait on the broker, "
                + acceptedWhileIntentDown + " were accepted while intent-classifier was down");

        long restartAt = System.nanoTime();
        supervisor.restart(INTENT);
        supervisor.restart(COST);
        out.printf("intent-classifier and cost-service restarted and ready in %.1f s%n", seconds(restartAt));

        CostSummaryClient costs = new CostSummaryClient(HTTP, MAPPER, ports.costUrl(), StackConfig.DEMO_TENANT,
                Clock.systemUTC());
        long priced = awaitPriced(costs, expected);
        out.printf("All %d accepted calls priced %.1f s after the restart%n", priced, seconds(restartAt));

        // let anything still in flight (a redelivery of a call handled before a kill) arrive, then count again
        for (String address : List.of(Addresses.CALLS_CAPTURED, Addresses.CALLS_CLASSIFIED)) {
            long left = awaitAtMost(() -> supervisor.queueDepth(address), 0, Duration.ofSeconds(60), 250);
            assertEquals(0, left, "calls still waiting on " + address + " after pricing");
            assertEquals(0, supervisor.queueDepth(Addresses.dlq(address)), "calls were dead-lettered to "
                    + Addresses.dlq(address));
        }

        JsonNode summary = costs.fetch("provider,model");
        assertEquals(expected, summary.path("total").path("calls").asLong(),
                "summary total.calls (the roll-ups) after the crashes: " + summary.path("total"));

        assertEquals(expected, count(ports, "SELECT count(*) FROM cost.call_ledger"), "rows in cost.call_ledger");
        assertEquals(expected, count(ports, "SELECT count(DISTINCT call_id) FROM cost.call_ledger"),
                "distinct call ids in cost.call_ledger");
        assertEquals(expected, count(ports, "SELECT count(*) FROM intent.call_intent"), "rows in intent.call_intent");
        // each ledger row carries the intent the classifier stored for that call, and nothing else
        assertEquals(expected, count(ports, "SELECT count(*) FROM cost.call_ledger l JOIN intent.call_intent i "
                + "ON i.call_id = l.call_id AND i.tenant_id = l.tenant_id AND i.label = l.intent"),
                "ledger rows whose intent is the one intent-classifier stored");
        Set<String> ledgerIds = strings(ports, "SELECT call_id FROM cost.call_ledger");
        Set<String> missing = new LinkedHashSet<>(accepted);
        missing.removeAll(ledgerIds);
        assertTrue(missing.isEmpty(), missing.size() + " accepted calls are not in the ledger: " + missing);
        Set<String> unexpected = new LinkedHashSet<>(ledgerIds);
        unexpected.removeAll(accepted);
        assertTrue(unexpected.isEmpty(), "the ledger holds calls nobody accepted: " + unexpected);
        out.println("Intents: " + strings(ports, "SELECT label || ' ' || count(*) FROM intent.call_intent "
                + "GROUP BY label ORDER BY count(*) DESC"));
        out.printf("Passed: %d accepted, each classified and priced exactly once; %d were in the ledger when "
                + "cost-service was killed, %d classified when intent-classifier was; %.1f s in all%n", expected,
                pricedBeforeCrash, classifiedBeforeCrash, seconds(t0));
    }

    /** Polls the summary once a second until it counts {@code expected} calls; fails at once on more. */
    static long awaitPriced(CostSummaryClient costs, long expected) {
        Instant deadline = Instant.now().plus(PRICING_TIMEOUT);
        while (true) {
            long calls = costs.pricedCalls();
            if (calls > expected) {
                fail("the summary counts " + calls + " calls, more than the " + expected + " accepted: priced twice");
            }
            if (calls == expected) {
                return calls;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("cost-service priced " + calls + " of " + expected + " accepted calls within "
                        + PRICING_TIMEOUT.toSeconds() + " s of its restart; " + supervisor.queueDepth(
                        Addresses.CALLS_CAPTURED) + " wait on the broker. Logs: " + workDir.resolve("logs"));
            }
            pause(1000);
        }
    }

    /** Polls until {@code value} reaches {@code wanted} or the time is up; returns the last value seen. */
    static long awaitAtLeast(LongSupplier value, long wanted, Duration timeout, long pollMillis) {
        Instant deadline = Instant.now().plus(timeout);
        long current;
        while ((current = value.getAsLong()) < wanted && Instant.now().isBefore(deadline)) {
            pause(pollMillis);
        }
        return current;
    }

    /** Polls until {@code value} falls to {@code wanted} or the time is up; returns the last value seen. */
    static long awaitAtMost(LongSupplier value, long wanted, Duration timeout, long pollMillis) {
        Instant deadline = Instant.now().plus(timeout);
        long current;
        while ((current = value.getAsLong()) > wanted && Instant.now().isBefore(deadline)) {
            pause(pollMillis);
        }
        return current;
    }

    /** A count from the stack's database (the PostgreSQL JDBC driver comes with the embedded database). */
    static long count(StackPorts ports, String sql) {
        try (Connection db = DriverManager.getConnection(ports.jdbcUrl(), "postgres", "postgres");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            // a schema that is not migrated yet counts as empty
            return 0;
        }
    }

    static Set<String> strings(StackPorts ports, String sql) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Connection db = DriverManager.getConnection(ports.jdbcUrl(), "postgres", "postgres");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        }
        return out;
    }

    /** The repository: surefire runs in the infra module's folder. */
    static Path repoRoot() {
        Path parent = Path.of("..").toAbsolutePath().normalize();
        if (Files.isRegularFile(parent.resolve("infra/ledgerline")) && Files.isRegularFile(parent.resolve("pom.xml"))) {
            return parent;
        }
        return StackPaths.resolve().root();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
