package io.ledgerline.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the local stack: its Maven module name, its default HTTP port (a running stack's ports are a
 * {@link StackPorts}), whether it receives the demo tenant and key, and any system properties it needs beyond its
 * own application.properties defaults.
 */
public record ServiceSpec(String name, int port, boolean bootstrapsDemoTenant, List<String> extraProperties) {

    public ServiceSpec {
        extraProperties = List.copyOf(extraProperties);
    }

    public static ServiceSpec of(String name, int port, String... extraProperties) {
        return new ServiceSpec(name, port, false, List.of(extraProperties));
    }

    /** The runnable jar Quarkus builds for this module. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
