package io.ledgerline.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Child-process helpers: pid files, stopping a process, the tail of a log. */
final class Processes {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private Processes() {
    }

    /**
     * Prefixes {@code setsid} when available, so a child does not receive the terminal's Ctrl-C directly and the
     * supervisor can stop things in order (services first, then broker and database). setsid does not fork here
     * (a fresh child is no process-group leader), so the pid is the JVM's.
     */
    static List<String> detached(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        return Stream.concat(Stream.of(SETSID.toString()), command.stream()).toList();
    }

    static Optional<ProcessHandle> alive(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            // first line: our pid files hold only the pid; PostgreSQL's postmaster.pid starts with it
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the process is a Ledgerline launcher JVM (guards against a pid reused by something else). */
    static boolean isLauncher(ProcessHandle process) {
        return commandLine(process).contains(Ledgerline.class.getName());
    }

    /** True when the process runs the given service's jar. */
    static boolean isService(ProcessHandle process, String service) {
        return commandLine(process).contains(service + "/target/quarkus-app/quarkus-run.jar");
    }

    /** The full command line (from /proc: ProcessHandle.Info cuts it at 4096 characters, before our class name). */
    static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall back below
        }
        return process.info().commandLine().orElse("");
    }

    /** SIGTERM, wait, then SIGKILL. Returns true when it stopped within the grace period. */
    static boolean stop(ProcessHandle process, long graceSeconds) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            process.onExit().get(graceSeconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception timeout) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by the caller through isAlive()
            }
            return false;
        }
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
        return String.join("\n", last);
    }

    static void writePid(Path file, long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LauncherException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover run file is detected as stale on the next start
        }
    }
}
