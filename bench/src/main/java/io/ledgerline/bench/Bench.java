package io.ledgerline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.infra.DemoKey;
import io.ledgerline.infra.ExchangeSource;
import io.ledgerline.infra.StackPaths;
import io.ledgerline.infra.StackPorts;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Load drivers against a running local stack ({@code infra/ledgerline start}): {@code bench/run otlp},
 * {@code bench/run lag} and {@code bench/run classify}. They print numbers; nothing here asserts a speed.
 */
public final class Bench {
    private static final String USAGE = """
            Usage: bench/run otlp     [--concurrency=4] [--batch=100] [--warmup=10] [--seconds=30]
                   bench/run lag      [--rate=20] [--seconds=60]
                   bench/run classify [--concurrency=8] [--batch=1] [--warmup=5] [--seconds=20]
            Needs a running stack: infra/ledgerline start (the demo key from LEDGERLINE_DEMO_KEY or .ledgerline/demo-key).
            """;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("otlp", "lag", "classify").contains(args[0])) {
            System.err.print(USAGE);
            System.exit(64);
        }
        StackPaths paths = StackPaths.resolve();
        StackPorts ports = StackPorts.defaults();
        if (!Files.isRegularFile(paths.demoKeyFile()) && System.getenv(DemoKey.ENV) == null) {
            System.err.println("no demo key: start the stack first (infra/ledgerline start)");
            System.exit(1);
        }
        String key = DemoKey.resolve(System.getenv(), paths.demoKeyFile());
        ObjectMapper mapper = new ObjectMapper();
        List<ExchangeSource.Item> recorded = new ExchangeSource(mapper).read(paths.recordedCalls(), Instant.now());
        if (args[0].equals("classify")) {
            Options o = new Options(args, 1, Map.of("concurrency", "8", "batch", "1", "warmup", "5", "seconds", "20"));
            classify(paths, ports, ValidationPrompts.read(paths.root()), o);
        } else if (args[0].equals("otlp")) {
            Options o = new Options(args, 1, Map.of("concurrency", "4", "batch", "100", "warmup", "10", "seconds", "30"));
            otlp(paths, ports, key, RecordedPrompts.from(recorded, mapper), o);
        } else {
            Options o = new Options(args, 1, Map.of("rate", "20", "seconds", "60"));
            lag(ports, key, recorded, o);
        }
    }

    private static void otlp(StackPaths paths, StackPorts ports, String key, List<String> prompts, Options o)
            throws Exception {
        int concurrency = o.integer("concurrency");
        int batch = o.integer("batch");
        System.out.printf("OTLP protobuf ingest: %d clients, batches of %d GenAI spans (%d recorded prompts), "
                + "%d s warm-up, %d s measured, %s%n", concurrency, batch, prompts.size(), o.integer("warmup"),
                o.integer("seconds"), ports.collectorUrl());
        OtlpThroughput.Result r = new OtlpThroughput(ports.collectorUrl(), key, prompts)
                .run(concurrency, batch, o.integer("warmup"), o.integer("seconds"));
        ClosedLoop.Result load = r.load();
        System.out.printf("accepted spans: %d in %.1f s = %.0f spans/s; rejected spans (warm-up included) %d; failed requests %d%n",
                load.items(), load.seconds(), load.itemsPerSecond(), r.rejected(), load.failedRequests());
        printLatency(load);
        System.out.println("collector-service " + memory(paths, "collector-service"));
        System.out.println("cost-service " + memory(paths, "cost-service"));
    }

    private static void classify(StackPaths paths, StackPorts ports, List<String> prompts, Options o)
            throws Exception {
        int concurrency = o.integer("concurrency");
        int batch = o.integer("batch");
        String url = ports.baseUrl("intent-classifier");
        System.out.printf("Intent classification: %d clients, %d prompt(s) per request (%d validation prompts, each "
                + "made distinct so none is a cache hit), %d s warm-up, %d s measured, %s%n", concurrency, batch,
                prompts.size(), o.integer("warmup"), o.integer("seconds"), url);
        ClosedLoop.Result r = new ClassifyLoad(url, prompts).run(concurrency, batch, o.integer("warmup"),
                o.integer("seconds"));
        System.out.printf("classified prompts: %d in %.1f s = %.0f prompts/s; failed requests %d%n", r.items(),
                r.seconds(), r.itemsPerSecond(), r.failedRequests());
        printLatency(r);
        System.out.println("intent-classifier " + memory(paths, "intent-classifier"));
    }

    private static void lag(StackPorts ports, String key, List<ExchangeSource.Item> recorded, Options o)
            throws Exception {
        int rate = o.integer("rate");
        int seconds = o.integer("seconds");
        System.out.printf("Exchange ingest -> priced lag: %d exchanges/s for %d s (%d recorded exchanges, cycled), %s%n",
                rate, seconds, recorded.size(), ports.collectorUrl());
        PricingLag.Result r = new PricingLag(ports.collectorUrl(), key, ports.jdbcUrl())
                .run(recorded, rate, seconds, Duration.ofSeconds(300));
        System.out.printf("sent %d, accepted %d, lag measured for %d calls%n", r.sent(), r.accepted(), r.measured());
        System.out.printf("lag span stored -> ledger committed (ms): p50 %.0f, p90 %.0f, p99 %.0f, max %.0f%n",
                r.p50(), r.p90(), r.p99(), r.max());
    }

    private static void printLatency(ClosedLoop.Result r) {
        System.out.printf("request latency (ms, %d requests): p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                r.latencyMs().count(), r.latencyMs().at(50), r.latencyMs().at(90), r.latencyMs().at(99),
                r.latencyMs().at(100));
    }

    private static String memory(StackPaths paths, String service) {
        try {
            long pid = Long.parseLong(Files.readString(paths.servicePidFile(service)).trim());
            return ProcessMemory.of(pid).map(m -> "(pid " + pid + "): " + m).orElse("(pid " + pid + "): not running");
        } catch (Exception e) {
            return ": not running (no pid file in " + paths.runDir() + ")";
        }
    }
}
