package io.ledgerline.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.testing.EmbeddedBroker;
import io.ledgerline.testing.EmbeddedDatabase;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the local stack in this JVM: the embedded broker and database, then each service as a child JVM.
 * {@link #close()} stops the services first, then the database and the broker; it is safe to call more than once.
 */
public final class Supervisor implements AutoCloseable {

    private final StackPaths paths;
    private final StackPorts ports;
    private final String demoKey;
    private final PrintStream out;
    private final Duration readyTimeout;
    private final HttpClient http = Net.httpClient();
    private final Map<ServiceSpec, Process> services = new LinkedHashMap<>();
    /** Service JVMs stopped on purpose by {@link #kill(String)}: their exit is not reported as a failure. */
    private final Set<Long> killed = ConcurrentHashMap.newKeySet();
    private String javaBinary;
    private EmbeddedBroker broker;
    private EmbeddedDatabase database;
    private volatile boolean stopping;
    private boolean closed;
    private boolean started;

    /** The launcher's stack: the fixed default ports. */
    public Supervisor(StackPaths paths, String demoKey, PrintStream out, Duration readyTimeout) {
        this(paths, StackPorts.defaults(), demoKey, out, readyTimeout);
    }

    public Supervisor(StackPaths paths, StackPorts ports, String demoKey, PrintStream out, Duration readyTimeout) {
        this.paths = paths;
        this.ports = ports;
        this.demoKey = demoKey;
        this.out = out;
        this.readyTimeout = readyTimeout;
    }

    /** Everything the stack needs before anything starts: free ports, built jars, no stack already running. */
    public void preflight(List<ServiceSpec> specs) {
        Optional<ProcessHandle> running = Processes.alive(paths.supervisorPidFile()).filter(Processes::isLauncher);
        if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
            throw new LauncherException("a Ledgerline stack is already running (pid " + running.get().pid()
                    + "). Stop it with: infra/ledgerline stop");
        }
        List<String> problems = new ArrayList<>();
        portProblem(ports.broker(), "the AMQP broker", null).ifPresent(problems::add);
        portProblem(ports.database(), "PostgreSQL", null).ifPresent(problems::add);
        for (ServiceSpec spec : specs) {
            portProblem(ports.service(spec.name()), spec.name(), spec.name()).ifPresent(problems::add);
            if (!Files.isRegularFile(spec.jar(paths.root()))) {
                problems.add(spec.name() + " is not built (" + paths.root().relativize(spec.jar(paths.root()))
                        + " is missing): run infra/ledgerline --rebuild " + "up");
            }
        }
        if (!problems.isEmpty()) {
            throw new LauncherException("cannot start the local stack:\n  - " + String.join("\n  - ", problems));
        }
    }

    private Optional<String> portProblem(int port, String what, String service) {
        if (!Net.inUse(port)) {
            return Optional.empty();
        }
        String hint = "";
        if (service != null) {
            Optional<ProcessHandle> leftover = Processes.alive(paths.servicePidFile(service))
                    .filter(p -> Processes.isService(p, service));
            if (leftover.isPresent()) {
                hint = " — it looks like " + service + " left over from an earlier run (pid " + leftover.get().pid()
                        + "); stop it with: infra/ledgerline stop";
            }
        }
        if (service == null) {
            Optional<ProcessHandle> leftover = port == ports.database()
                    ? Processes.alive(paths.postgresDir().resolve("postmaster.pid"))
                            .filter(p -> Processes.commandLine(p).contains(paths.postgresDir().toString()))
                    : Optional.empty();
            hint = leftover.isPresent()
                    ? " — it is this stack's PostgreSQL left over from an earlier run (pid " + leftover.get().pid()
                            + "); stop it with: infra/ledgerline stop"
                    : " (a Ledgerline stack from another checkout or a crashed run? see: infra/ledgerline status)";
        }
        return Optional.of("port " + port + " (" + what + ") is already in use by another process" + hint
                + ". Free the port and try again.");
    }

    public void start(List<ServiceSpec> specs) {
        preflight(specs);
        try {
            Files.createDirectories(paths.logsDir());
            Files.createDirectories(paths.runDir());
        } catch (IOException e) {
            throw new LauncherException("cannot create " + paths.dataDir() + ": " + e.getMessage(), e);
        }
        started = true;
        Processes.writePid(paths.supervisorPidFile(), ProcessHandle.current().pid());
        startBrokerAndDatabase();
        for (ServiceSpec spec : specs) {
            startService(spec, false);
        }
        for (ServiceSpec spec : specs) {
            awaitReady(spec, services.get(spec));
        }
        writeStackFile(specs);
    }

    public void startBrokerAndDatabase() {
        long t0 = System.nanoTime();
        out.println("Starting the AMQP broker (Artemis) on " + StackPorts.HOST + ":" + ports.broker()
                + ", data in " + rel(paths.artemisDir()));
        broker = EmbeddedBroker.start(ports.broker(), paths.artemisDir());
        out.println("Starting PostgreSQL on " + StackPorts.HOST + ":" + ports.database() + ", data in " + rel(paths.postgresDir()));
        database = EmbeddedDatabase.start(ports.database(), paths.postgresDir());
        database.createDatabase(StackConfig.DATABASE_NAME);
        out.printf("Broker and database ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Starts one service JVM; its log is overwritten, or appended to on a restart (to keep what came before). */
    private void startService(ServiceSpec spec, boolean appendLog) {
        if (javaBinary == null) {
            javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        Path log = paths.serviceLog(spec.name());
        List<String> command = Processes.detached(ServiceCommand.build(javaBinary, paths.root(), spec, ports, demoKey));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(paths.root().resolve(spec.name()).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            services.put(spec, process);
            Processes.writePid(paths.servicePidFile(spec.name()), process.pid());
            out.println("Starting " + spec.name() + " on port " + ports.service(spec.name()) + " (pid " + process.pid()
                    + "), log " + rel(log));
            process.onExit().thenAccept(p -> {
                if (!stopping && !killed.contains(p.pid())) {
                    out.println("!! " + spec.name() + " exited with code " + p.exitValue() + "; read " + rel(log));
                }
            });
        } catch (IOException e) {
            throw new LauncherException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(ServiceSpec spec, Process process) {
        Instant deadline = Instant.now().plus(readyTimeout);
        Path log = paths.serviceLog(spec.name());
        String readinessUrl = ports.readinessUrl(spec.name());
        while (true) {
            if (!process.isAlive()) {
                throw new LauncherException(spec.name() + " exited with code " + process.exitValue()
                        + " before it was ready. Read " + log + "; its last lines:\n" + Processes.tail(log, 30));
            }
            if (Net.status(http, readinessUrl) == 200) {
                out.println(spec.name() + " is ready (" + readinessUrl + ")");
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LauncherException(spec.name() + " was not ready after " + readyTimeout.toSeconds()
                        + " s (" + readinessUrl + "). Read " + log + "; its last lines:\n"
                        + Processes.tail(log, 30));
            }
            sleep(1000);
        }
    }

    private void writeStackFile(List<ServiceSpec> specs) {
        ObjectNode stack = new ObjectMapper().createObjectNode();
        stack.put("pid", ProcessHandle.current().pid());
        stack.put("startedAt", Instant.now().toString());
        stack.put("broker", ports.amqpUrl());
        stack.put("database", ports.jdbcUrl());
        ObjectNode serviceNodes = stack.putObject("services");
        for (ServiceSpec spec : specs) {
            serviceNodes.put(spec.name(), ports.baseUrl(spec.name()));
        }
        try {
            Files.writeString(paths.stackFile(), stack.toPrettyString());
        } catch (IOException e) {
            throw new LauncherException("cannot write " + paths.stackFile() + ": " + e.getMessage(), e);
        }
    }

    /** The banner printed once everything is ready. */
    public String banner(List<ServiceSpec> specs) {
        StringBuilder b = new StringBuilder();
        b.append("\nLedgerline local stack is ready\n");
        TextTable table = new TextTable(3, "component", "address", "data / log");
        table.row("AMQP broker", ports.amqpUrl(), rel(paths.artemisDir()));
        table.row("PostgreSQL", ports.jdbcUrl() + " (postgres/postgres)", rel(paths.postgresDir()));
        for (ServiceSpec spec : specs) {
            table.row(spec.name(), ports.baseUrl(spec.name()), rel(paths.serviceLog(spec.name())));
        }
        b.append(table.render("  "));
        b.append("  demo tenant '").append(StackConfig.DEMO_TENANT).append("', project '").append(StackConfig.DEMO_PROJECT)
                .append("', ingest API key: ").append(demoKey).append('\n');
        b.append("  send calls: curl -H 'Authorization: Bearer ").append(demoKey).append("' -H 'Content-Type: application/json' ")
                .append(ports.collectorUrl()).append("/api/v1/exchanges -d @exchange.json\n");
        return b.toString();
    }

    public StackPorts ports() {
        return ports;
    }

    /** Messages waiting on the broker queue of {@code address} (for diagnostics; 0 before the broker started). */
    public long queueDepth(String address) {
        return broker == null ? 0 : broker.queueDepth(address);
    }

    /**
     * Kills one running service JVM without warning (SIGKILL: no shutdown hook, no graceful drain, in-flight
     * messages unacknowledged), as a crash would, and waits until it is gone.
     */
    public synchronized void kill(String name) {
        ServiceSpec spec = running(name);
        Process process = services.get(spec);
        killed.add(process.pid());
        out.println("Killing " + name + " (pid " + process.pid() + ", SIGKILL)");
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new LauncherException(name + " (pid " + process.pid() + ") did not die within 30 s of SIGKILL", e);
        }
        Processes.deleteQuietly(paths.servicePidFile(name));
    }

    /** Starts one service again (after {@link #kill(String)}, or after it exited) and waits until it is ready. */
    public void restart(String name) {
        ServiceSpec spec;
        synchronized (this) {
            if (closed) {
                throw new LauncherException("the stack is stopped; cannot restart " + name);
            }
            spec = running(name);
            if (services.get(spec).isAlive()) {
                throw new LauncherException(name + " is still running (pid " + services.get(spec).pid() + ")");
            }
            startService(spec, true);
        }
        awaitReady(spec, services.get(spec));
    }

    private ServiceSpec running(String name) {
        return services.keySet().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this stack does not run a service named " + name
                        + "; it runs " + services.keySet().stream().map(ServiceSpec::name).toList()));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        if (!started) {
            return; // refused before starting anything: the run files (if any) belong to another launcher
        }
        List<ServiceSpec> reversed = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(reversed);
        for (ServiceSpec spec : reversed) {
            Process process = services.get(spec);
            if (process.isAlive()) {
                out.println("Stopping " + spec.name() + " (pid " + process.pid() + ")");
                if (!Processes.stop(process.toHandle(), 30)) {
                    out.println(spec.name() + " did not stop within 30 s and was killed");
                }
            }
            Processes.deleteQuietly(paths.servicePidFile(spec.name()));
        }
        if (database != null) {
            out.println("Stopping PostgreSQL");
            try {
                database.close();
            } catch (RuntimeException e) {
                out.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (broker != null) {
            out.println("Stopping the AMQP broker");
            try {
                broker.close();
            } catch (RuntimeException e) {
                out.println("The broker did not stop cleanly: " + e.getMessage());
            }
        }
        Processes.deleteQuietly(paths.stackFile());
        Processes.deleteQuietly(paths.supervisorPidFile());
        out.println("Stopped. Data kept in " + rel(paths.dataDir()));
        out.flush();
    }

    private String rel(Path path) {
        try {
            return paths.root().relativize(path).toString();
        } catch (IllegalArgumentException e) {
            return path.toString();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while starting the stack");
        }
    }
}
