package io.ledgerline.infra;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code start}, {@code stop} and {@code status}: a stack running in a background launcher JVM. */
public final class BackgroundStack {

    private final StackPaths paths;
    private final PrintStream out;

    public BackgroundStack(StackPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    Optional<ProcessHandle> runningLauncher() {
        return Processes.alive(paths.supervisorPidFile()).filter(Processes::isLauncher);
    }

    /** Starts {@code up} in a detached JVM, echoes its progress, and returns once it reports ready (exit 0) or died. */
    public int start() throws IOException {
        Optional<ProcessHandle> running = runningLauncher();
        if (running.isPresent()) {
            out.println("The Ledgerline stack is already running (pid " + running.get().pid() + ").");
            return status() == 0 ? 0 : 1;
        }
        Files.createDirectories(paths.logsDir());
        Files.createDirectories(paths.runDir());
        Processes.deleteQuietly(paths.stackFile());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dledgerline.home=" + paths.root(), "-cp", System.getProperty("java.class.path"),
                Ledgerline.class.getName(), "up", "--background"));
        Path log = paths.launcherLog();
        Process process = new ProcessBuilder(Processes.detached(command))
                .directory(paths.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        long shown = 0;
        while (true) {
            shown = echo(log, shown);
            if (Files.isRegularFile(paths.stackFile()) && process.isAlive()) {
                echo(log, shown);
                out.println("Running in the background (pid " + process.pid() + "); its output goes to "
                        + paths.root().relativize(log) + ". Stop it with: infra/ledgerline stop");
                return 0;
            }
            if (!process.isAlive()) {
                echo(log, shown);
                out.println("The stack did not start (launcher exit code " + process.exitValue() + "). Read "
                        + log + " and the service logs in " + paths.logsDir());
                return 1;
            }
            sleep(500);
        }
    }

    /** Copies what the background launcher wrote since {@code from} to our output. */
    private long echo(Path log, long from) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return from;
            }
            file.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            file.readFully(bytes);
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
            return length;
        } catch (IOException e) {
            return from;
        }
    }

    /** Stops the background launcher (its shutdown hook stops services, database, broker) and any leftover service. */
    public int stop() {
        Optional<ProcessHandle> launcher = runningLauncher();
        Optional<ProcessHandle> recorded = Processes.alive(paths.supervisorPidFile());
        if (launcher.isEmpty() && recorded.isPresent()) {
            out.println("Note: " + paths.supervisorPidFile() + " names pid " + recorded.get().pid()
                    + ", which is not a Ledgerline launcher; leaving that process alone.");
        }
        boolean stoppedSomething = false;
        if (launcher.isPresent()) {
            out.println("Stopping the Ledgerline stack (pid " + launcher.get().pid() + ")…");
            if (!Processes.stop(launcher.get(), 120)) {
                out.println("The launcher did not stop within 120 s and was killed; cleaning up its services.");
            }
            stoppedSomething = true;
        }
        for (ServiceSpec spec : StackConfig.SERVICES) {
            Optional<ProcessHandle> leftover = Processes.alive(paths.servicePidFile(spec.name()))
                    .filter(p -> Processes.isService(p, spec.name()));
            if (leftover.isPresent()) {
                out.println("Stopping leftover " + spec.name() + " (pid " + leftover.get().pid() + ")");
                Processes.stop(leftover.get(), 30);
                stoppedSomething = true;
            }
            Processes.deleteQuietly(paths.servicePidFile(spec.name()));
        }
        // a launcher that was killed (kill -9) leaves its PostgreSQL running: postmaster.pid names it
        Optional<ProcessHandle> postgres = Processes.alive(paths.postgresDir().resolve("postmaster.pid"))
                .filter(p -> Processes.commandLine(p).contains(paths.postgresDir().toString()));
        if (postgres.isPresent()) {
            out.println("Stopping leftover PostgreSQL (pid " + postgres.get().pid() + ")");
            Processes.stop(postgres.get(), 30);
            stoppedSomething = true;
        }
        Processes.deleteQuietly(paths.stackFile());
        Processes.deleteQuietly(paths.supervisorPidFile());
        out.println(stoppedSomething ? "Stopped. Data kept in " + paths.dataDir() : "No Ledgerline stack is running.");
        return 0;
    }

    /** Prints what is up; exit 0 when every part is ready. */
    public int status() {
        HttpClient http = Net.httpClient();
        Optional<ProcessHandle> launcher = runningLauncher();
        out.println("Launcher: " + launcher.map(p -> "running (pid " + p.pid() + ")").orElse("not running")
                + (Files.isRegularFile(paths.stackFile()) ? ", ready" : ""));
        TextTable table = new TextTable(3, "component", "address", "state");
        boolean allUp = true;
        StackPorts ports = StackPorts.defaults();
        boolean brokerUp = Net.listening(ports.broker());
        boolean dbUp = Net.listening(ports.database());
        allUp &= brokerUp && dbUp;
        table.row("AMQP broker", StackPorts.HOST + ":" + ports.broker(), brokerUp ? "listening" : "down");
        table.row("PostgreSQL", StackPorts.HOST + ":" + ports.database(), dbUp ? "listening" : "down");
        List<ServiceSpec> selected = StackConfig.selected(System.getenv());
        for (ServiceSpec spec : StackConfig.SERVICES) {
            int status = Net.status(http, ports.readinessUrl(spec.name()));
            allUp &= status == 200 || !selected.contains(spec);
            table.row(spec.name(), ports.baseUrl(spec.name()), status == 200 ? "ready" : status < 0 ? "down" : "not ready (HTTP " + status + ")");
        }
        out.print(table.render("  "));
        out.println("Logs: " + paths.logsDir());
        return allUp ? 0 : 1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }
}
