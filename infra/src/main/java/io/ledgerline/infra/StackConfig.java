package io.ledgerline.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed facts of the local stack (default ports, names). The one place to add a service. The ports a running
 * stack actually uses are a {@link StackPorts}; {@link StackPorts#defaults()} is built from the ones here.
 */
public final class StackConfig {

    public static final int BROKER_PORT = 5673;
    public static final int DATABASE_PORT = 5433;
    public static final String DATABASE_NAME = "ledgerline";
    public static final String DEMO_TENANT = "demo";
    public static final String DEMO_PROJECT = "demo";

    /** Started in this order; each is a separate JVM. Add the next services here, one line each. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("collector-service", 4318, true, List.of()),
            ServiceSpec.of("intent-classifier", 8082),
            ServiceSpec.of("cost-service", 8084)
            // ServiceSpec.of("eval-service", 8083),
            // ServiceSpec.of("risk-service", 8085),
            // ServiceSpec.of("api-gateway", 8080),
    );

    /** JVM options for every service: small heap, quick start; the machine is shared. */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private StackConfig() {
    }

    /**
     * The services to run: all of them, or the comma-separated names in {@code LEDGERLINE_SERVICES}
     * ({@code none}: only the broker and the database, e.g. to run a service from the IDE against them).
     */
    public static List<ServiceSpec> selected(Map<String, String> env) {
        String names = env.get("LEDGERLINE_SERVICES");
        if (names == null || names.isBlank()) {
            return SERVICES;
        }
        if (names.trim().equals("none")) {
            return List.of();
        }
        List<ServiceSpec> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                try {
                    chosen.add(service(name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new LauncherException("LEDGERLINE_SERVICES names an unknown service '" + name.trim()
                            + "'; known: " + SERVICES.stream().map(ServiceSpec::name).toList() + " or none");
                }
            }
        }
        return List.copyOf(chosen);
    }

    public static ServiceSpec service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

}
