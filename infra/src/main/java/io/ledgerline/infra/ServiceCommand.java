package io.ledgerline.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs one service JVM. */
public final class ServiceCommand {

    private ServiceCommand() {
    }

    public static List<String> build(String javaBinary, Path repoRoot, ServiceSpec spec, String demoKey) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary);
        command.addAll(StackConfig.SERVICE_JVM_OPTIONS);
        command.add("-Dquarkus.http.port=" + spec.port());
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
