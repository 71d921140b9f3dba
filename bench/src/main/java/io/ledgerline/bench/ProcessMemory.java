package io.ledgerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Resident memory of a process, from /proc/&lt;pid&gt;/status (Linux): now (VmRSS) and at its peak (VmHWM). */
record ProcessMemory(long rssKb, long peakRssKb) {

    static Optional<ProcessMemory> of(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static ProcessMemory parse(String status) {
        return new ProcessMemory(field(status, "VmRSS:"), field(status, "VmHWM:"));
    }

    private static long field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.format("RSS %d MiB (peak %d MiB)", rssKb / 1024, peakRssKb / 1024);
    }
}
