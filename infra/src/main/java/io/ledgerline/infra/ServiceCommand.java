package io.ledgerline.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs one service JVM. */
public final class ServiceCommand {

    private ServiceCommand() {
    }

    /**
     * The service's HTTP port; the broker's port and the database URLs when they differ from the defaults in the
     * services' application.properties (5673, 5433), so a stack on other ports (a test's) is followed while the
     * launcher's command line stays short and environment overrides such as {@code AMQP_PORT} keep working for it;
     * the demo tenant for the collector; then the spec's extra properties (last, so they can override the rest).
     */
    public static List<String> build(String javaBinary, Path repoRoot, ServiceSpec spec, StackPorts ports, String demoKey) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary);
        command.addAll(StackConfig.SERVICE_JVM_OPTIONS);
        command.add("-Dquarkus.http.port=" + ports.service(spec.name()));
        if (ports.broker() != StackConfig.BROKER_PORT) {
            command.add("-Damqp-port=" + ports.broker());
        }
        if (ports.database() != StackConfig.DATABASE_PORT) {
            command.add("-Dquarkus.datasource.reactive.url=" + ports.reactiveUrl());
            command.add("-Dquarkus.datasource.jdbc.url=" + ports.jdbcUrl());
        }
        if (spec.bootstrapsDemoTenant()) {
            command.add("-Dledgerline.bootstrap.api-key=" + demoKey);
            command.add("-Dledgerline.bootstrap.tenant=" + StackConfig.DEMO_TENANT);
            command.add("-Dledgerline.bootstrap.project=" + StackConfig.DEMO_PROJECT);
        }
        for (String property : spec.extraProperties()) {
            command.add(property.startsWith("-") ? property : "-D" + property);
        }
        command.add("-jar");
        command.add(spec.jar(repoRoot).toString());
        return command;
    }
}
