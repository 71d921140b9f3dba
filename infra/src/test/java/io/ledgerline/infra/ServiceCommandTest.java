package io.ledgerline.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCommandTest {

    @Test
    void collectorGetsTheDemoTenantAndKey() {
        List<String> command = ServiceCommand.build("/jdk/bin/java", Path.of("/repo"),
                StackConfig.service("collector-service"), "llk_abc");
        assertEquals(List.of("/jdk/bin/java", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=4318",
                "-Dledgerline.bootstrap.api-key=llk_abc", "-Dledgerline.bootstrap.tenant=demo",
                "-Dledgerline.bootstrap.project=demo",
                "-jar", "/repo/collector-service/target/quarkus-app/quarkus-run.jar"), command);
    }

    @Test
    void costServiceGetsOnlyItsPort() {
        List<String> command = ServiceCommand.build("java", Path.of("/repo"), StackConfig.service("cost-service"), "llk_abc");
        assertEquals(List.of("java", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=8084", "-jar", "/repo/cost-service/target/quarkus-app/quarkus-run.jar"), command);
        assertFalse(String.join(" ", command).contains("llk_abc"));
    }

    @Test
    void extraPropertiesArePassedAsSystemProperties() {
        ServiceSpec spec = ServiceSpec.of("eval-service", 8083, "quarkus.log.level=DEBUG");
        List<String> command = ServiceCommand.build("java", Path.of("/r"), spec, "k");
        assertEquals("-Dquarkus.log.level=DEBUG", command.get(command.size() - 3));
        assertEquals("http://127.0.0.1:8083/q/health/ready", spec.readinessUrl());
    }

    @Test
    void portsFollowTheDesign() {
        assertEquals(5673, StackConfig.BROKER_PORT);
        assertEquals(5433, StackConfig.DATABASE_PORT);
        assertEquals("http://127.0.0.1:4318", StackConfig.collectorUrl());
        assertEquals("http://127.0.0.1:8084", StackConfig.costUrl());
    }
}
