package io.ledgerline.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local stack finds its jars ({@code root}, the repository) and keeps its data, logs and run files
 * ({@code dataDir}: {@code <repo>/.ledgerline} for the launcher; a temporary folder for a test).
 */
public record StackPaths(Path root, Path dataDir) {

    public StackPaths {
        root = root.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public StackPaths(Path root) {
        this(root, root.toAbsolutePath().normalize().resolve(".ledgerline"));
    }

    /** The repo root: system property {@code ledgerline.home} (set by infra/ledgerline), else searched upward from the working directory. */
    public static StackPaths resolve() {
        String home = System.getProperty("ledgerline.home");
        if (home != null && !home.isBlank()) {
            return new StackPaths(Path.of(home));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/ledgerline")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new StackPaths(dir);
            }
        }
        throw new IllegalStateException("cannot find the Ledgerline repository: run infra/ledgerline, or pass -Dledgerline.home=<repo>");
    }

    public Path artemisDir() {
        return dataDir().resolve("artemis");
    }

    public Path postgresDir() {
        return dataDir().resolve("postgres");
    }

    public Path logsDir() {
        return dataDir().resolve("logs");
    }

    public Path runDir() {
        return dataDir().resolve("run");
    }

    public Path demoKeyFile() {
        return dataDir().resolve("demo-key");
    }

    public Path serviceLog(String service) {
        return logsDir().resolve(service + ".log");
    }

    /** Output of a stack started in the background with {@code start}. */
    public Path launcherLog() {
        return logsDir().resolve("ledgerline.log");
    }

    /** Written by a running supervisor once everything is ready; removed when it stops. */
    public Path stackFile() {
        return runDir().resolve("stack.json");
    }

    /** The pid of the JVM supervising the stack (foreground or background). */
    public Path supervisorPidFile() {
        return runDir().resolve("ledgerline.pid");
    }

    public Path servicePidFile(String service) {
        return runDir().resolve(service + ".pid");
    }

    public Path recordedCalls() {
        return root.resolve("data/recorded-calls");
    }
}
