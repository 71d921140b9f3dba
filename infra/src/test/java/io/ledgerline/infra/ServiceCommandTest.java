package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceCommandTest {

    static final StackPorts DEFAULTS = StackPorts.defaults();

    @Test
    void collectorGetsTheDemoTenantAndKey() {
        List<String> command = ServiceCommand.build("/jdk/bin/java", Path.of("/repo"),
                StackConfig.service("collector-service"), DEFAULTS, "llk_abc");
        assertEquals(List.of("/jdk/bin/java", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=4318",
                "-Dledgerline.bootstrap.api-key=llk_abc", "-Dledgerline.bootstrap.tenant=demo",
                "-Dledgerline.bootstrap.project=demo",
                "-jar", "/repo/collector-service/target/quarkus-app/quarkus-run.jar"), command);
    }

    @Test
    void costServiceGetsOnlyItsPort() {
        List<String> command = ServiceCommand.build("java", Path.of("/repo"), StackConfig.service("cost-service"),
                DEFAULTS, "llk_abc");
        assertEquals(List.of("java", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=8084", "-jar", "/repo/cost-service/target/quarkus-app/quarkus-run.jar"), command);
        assertFalse(String.join(" ", command).contains("llk_abc"));
    }

    @Test
    void otherPortsArePassedToTheService() {
        StackPorts ports = new StackPorts(40001, 40002, Map.of("collector-service", 40003, "cost-service", 40004));
        List<String> command = ServiceCommand.build("java", Path.of("/repo"), StackConfig.service("cost-service"),
                ports, "llk_abc");
        assertEquals(List.of("java", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=40004", "-Damqp-port=40001",
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:40002/ledgerline",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:40002/ledgerline",
                "-jar", "/repo/cost-service/target/quarkus-app/quarkus-run.jar"), command);
    }

    @Test
    void extraPropertiesArePassedAsSystemProperties() {
        ServiceSpec spec = ServiceSpec.of("eval-service", 8083, "quarkus.log.level=DEBUG");
        StackPorts ports = new StackPorts(5673, 5433, Map.of("eval-service", 8083));
        List<String> command = ServiceCommand.build("java", Path.of("/r"), spec, ports, "k");
        assertEquals("-Dquarkus.log.level=DEBUG", command.get(command.size() - 3));
        assertEquals("http://127.0.0.1:8083/q/health/ready", ports.readinessUrl("eval-service"));
    }

    @Test
    void portsFollowTheDesign() {
        assertEquals(5673, DEFAULTS.broker());
        assertEquals(5433, DEFAULTS.database());
        assertEquals("http://127.0.0.1:4318", DEFAULTS.collectorUrl());
        assertEquals("http://127.0.0.1:8084", DEFAULTS.costUrl());
        assertEquals("amqp://127.0.0.1:5673", DEFAULTS.amqpUrl());
        assertEquals("jdbc:postgresql://127.0.0.1:5433/ledgerline", DEFAULTS.jdbcUrl());
        assertEquals("http://127.0.0.1:8082", DEFAULTS.baseUrl("intent-classifier"));
        assertEquals(Set.of("collector-service", "intent-classifier", "cost-service"), DEFAULTS.services().keySet());
    }

    @Test
    void freePortsAreDistinctAndAvoidTheDefaults() {
        StackPorts free = StackPorts.free(StackConfig.SERVICES);
        Set<Integer> all = new HashSet<>(free.services().values());
        all.add(free.broker());
        all.add(free.database());
        assertEquals(2 + StackConfig.SERVICES.size(), all.size(), free.toString());
        assertNotEquals(DEFAULTS, free);
        assertTrue(all.stream().allMatch(p -> p > 0), free.toString());
    }

    @Test
    void unknownServiceHasNoPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.service("eval-service"));
        assertTrue(e.getMessage().contains("eval-service"), e.getMessage());
    }
}
