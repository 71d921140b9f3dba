package io.ledgerline.infra;

import io.ledgerline.testing.FreePort;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ports one stack listens on: the broker's AMQP port, PostgreSQL's, and each service's HTTP port by name.
 * The launcher uses {@link #defaults()} (5673, 5433, the ports in {@link StackConfig#SERVICES}); tests use
 * {@link #free(List)} so they never collide with a developer's running stack.
 */
public record StackPorts(int broker, int database, Map<String, Integer> services) {

    public static final String HOST = "127.0.0.1";

    public StackPorts {
        services = Map.copyOf(services);
    }

    /** The fixed ports of the local stack. */
    public static StackPorts defaults() {
        Map<String, Integer> services = new LinkedHashMap<>();
        StackConfig.SERVICES.forEach(spec -> services.put(spec.name(), spec.port()));
        return new StackPorts(StackConfig.BROKER_PORT, StackConfig.DATABASE_PORT, services);
    }

    /** Distinct ports nobody listens on right now, for the broker, the database and each of {@code specs}. */
    public static StackPorts free(List<ServiceSpec> specs) {
        Set<Integer> taken = new HashSet<>();
        int broker = distinctFreePort(taken);
        int database = distinctFreePort(taken);
        Map<String, Integer> services = new LinkedHashMap<>();
        for (ServiceSpec spec : specs) {
            services.put(spec.name(), distinctFreePort(taken));
        }
        return new StackPorts(broker, database, services);
    }

    private static int distinctFreePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = FreePort.find();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no distinct free port on loopback after 100 attempts");
    }

    public int service(String name) {
        Integer port = services.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port for service " + name + "; known: " + services.keySet());
        }
        return port;
    }

    public String baseUrl(String service) {
        return "http://" + HOST + ":" + service(service);
    }

    public String readinessUrl(String service) {
        return baseUrl(service) + "/q/health/ready";
    }

    public String collectorUrl() {
        return baseUrl("collector-service");
    }

    public String costUrl() {
        return baseUrl("cost-service");
    }

    public String amqpUrl() {
        return "amqp://" + HOST + ":" + broker;
    }

    /** JDBC URL of the stack's database (Flyway in the services, and anyone who wants to look inside). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + database + "/" + StackConfig.DATABASE_NAME;
    }

    /** The Vert.x reactive client's URL of the stack's database. */
    public String reactiveUrl() {
        return "postgresql://" + HOST + ":" + database + "/" + StackConfig.DATABASE_NAME;
    }
}
