package io.ledgerline.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** The local-stack launcher: {@code infra/ledgerline <command>}. */
public final class Ledgerline {

    static final String USAGE = """
            Usage: infra/ledgerline [--rebuild] <command>
              demo         start the stack, replay data/recorded-calls, print the summary, run until Ctrl-C
              up           start the stack and run in the foreground until Ctrl-C
              start        start the stack in the background; returns once every health check is ready
              stop         stop a stack started with 'start'
              replay DIR   replay recorded exchanges (*.decoded.json cassettes, *.exchange.json) into the running stack
              summary      print the cost summary of the running stack
              status       show what is running
            Environment: LEDGERLINE_DEMO_KEY (demo API key), LEDGERLINE_READY_TIMEOUT (s, default 300),
                         LEDGERLINE_PRICING_TIMEOUT (s, default 120),
                         LEDGERLINE_SERVICES (comma-separated subset of the services, or none)
            """;

    private final StackPaths paths;
    private final PrintStream out;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = Net.httpClient();

    Ledgerline(StackPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        int code;
        try {
            code = run(args);
        } catch (LauncherException e) {
            System.err.println("ledgerline: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            System.err.println("ledgerline: unexpected failure: " + e);
            e.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return args.length == 0 ? 64 : 0;
        }
        Ledgerline launcher = new Ledgerline(StackPaths.resolve(), System.out);
        return switch (args[0]) {
            case "demo" -> launcher.upAndWait(true, false);
            case "up" -> launcher.upAndWait(false, List.of(args).contains("--background"));
            case "start" -> new BackgroundStack(launcher.paths, System.out).start();
            case "stop" -> new BackgroundStack(launcher.paths, System.out).stop();
            case "status" -> new BackgroundStack(launcher.paths, System.out).status();
            case "summary" -> launcher.summary();
            case "replay" -> {
                if (args.length < 2) {
                    throw new LauncherException("replay needs a folder: infra/ledgerline replay data/recorded-calls");
                }
                yield launcher.replayExisting(Path.of(args[1]));
            }
            case "check-build" -> launcher.checkBuild();
            default -> {
                System.err.print("ledgerline: unknown command '" + args[0] + "'\n" + USAGE);
                yield 64;
            }
        };
    }

    /** Exit 0 when every service jar exists, 3 otherwise (the script then builds). */
    int checkBuild() {
        List<ServiceSpec> missing = StackConfig.selected(System.getenv()).stream()
                .filter(s -> !Files.isRegularFile(s.jar(paths.root()))).toList();
        missing.forEach(s -> out.println("missing: " + paths.root().relativize(s.jar(paths.root()))));
        return missing.isEmpty() ? 0 : 3;
    }

    int upAndWait(boolean demo, boolean background) throws InterruptedException {
        String key = DemoKey.resolve(System.getenv(), paths.demoKeyFile());
        Supervisor supervisor = new Supervisor(paths, key, out, seconds("LEDGERLINE_READY_TIMEOUT", 300));
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "ledgerline-shutdown"));
        List<ServiceSpec> services = StackConfig.selected(System.getenv());
        try {
            supervisor.start(services);
        } catch (LauncherException e) {
            System.err.println("ledgerline: " + e.getMessage());
            supervisor.close();
            return 1;
        }
        out.print(supervisor.banner(services));
        if (demo) {
            try {
                replayAndSummarize(paths.recordedCalls(), key);
            } catch (LauncherException e) {
                out.println("ledgerline: " + e.getMessage());
                out.println("The stack keeps running so you can look into it.");
            }
        }
        if (!background) {
            out.println("\nPress Ctrl-C to stop the stack (data is kept in " + paths.dataDir() + ").");
        }
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    int replayExisting(Path folder) {
        String key = existingKey().orElseThrow(() -> new LauncherException(
                "no demo key: set " + DemoKey.ENV + " or start the stack once (it writes " + paths.demoKeyFile() + ")"));
        return replayAndSummarize(folder.toAbsolutePath().normalize(), key);
    }

    Optional<String> existingKey() {
        String env = System.getenv(DemoKey.ENV);
        if (env != null && !env.isBlank()) {
            return Optional.of(env.trim());
        }
        return Files.isRegularFile(paths.demoKeyFile())
                ? Optional.of(DemoKey.resolve(System.getenv(), paths.demoKeyFile())) : Optional.empty();
    }

    int replayAndSummarize(Path folder, String key) {
        List<ExchangeSource.Item> items;
        try {
            items = new ExchangeSource(mapper).read(folder, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new LauncherException("cannot replay " + folder + ": " + e.getMessage(), e);
        }
        long files = items.stream().map(ExchangeSource.Item::file).distinct().count();
        out.println("\nReplaying " + items.size() + " recorded exchanges from " + files + " files in " + folder
                + " to " + StackPorts.defaults().collectorUrl());
        CostSummaryClient costs = costClient();
        long before = costs.pricedCalls();
        ReplayReport report = new Replayer(http, mapper, StackPorts.defaults().collectorUrl(), key).replay(items);
        out.print(report.describe());
        long expected = report.acceptedCallIds().size();
        if (expected > 0) {
            Duration timeout = seconds("LEDGERLINE_PRICING_TIMEOUT", 120);
            out.println("Waiting for cost-service to price " + expected + " calls (up to " + timeout.toSeconds() + " s)…");
            costs.awaitPriced(before, expected, timeout);
        }
        out.println();
        out.print(summaryText(costs));
        return items.isEmpty() || report.acceptedItems() > 0 ? 0 : 1;
    }

    int summary() {
        out.print(summaryText(costClient()));
        return 0;
    }

    private String summaryText(CostSummaryClient costs) {
        JsonNode byModel = costs.fetch("provider,model");
        JsonNode byIntent = costs.fetch("intent");
        JsonNode byReason = costs.fetch("unpricedReason");
        return SummaryFormatter.format(byModel, byIntent, byReason);
    }

    private CostSummaryClient costClient() {
        return new CostSummaryClient(http, mapper, StackPorts.defaults().costUrl(), StackConfig.DEMO_TENANT, Clock.systemUTC());
    }

    private static Duration seconds(String env, long fallback) {
        String value = System.getenv(env);
        try {
            return Duration.ofSeconds(value == null || value.isBlank() ? fallback : Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new LauncherException(env + " must be a number of seconds, not '" + value + "'");
        }
    }
}
