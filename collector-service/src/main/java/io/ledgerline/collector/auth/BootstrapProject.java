package io.ledgerline.collector.auth;

import io.ledgerline.collector.config.CollectorConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the configured bootstrap project (the local stack's demo project) with its key's hash. */
@ApplicationScoped
public class BootstrapProject {
    private static final Logger LOG = Logger.getLogger(BootstrapProject.class);

    void onStart(@Observes StartupEvent event, CollectorConfig config, ProjectKeyRepository keys) {
        CollectorConfig.Bootstrap bootstrap = config.bootstrap();
        if (bootstrap.apiKey().isEmpty()) {
            return;
        }
        ProjectRef project = new ProjectRef(bootstrap.tenant().orElse("demo"), bootstrap.project().orElse("demo"));
        keys.register(ApiKeyHash.of(bootstrap.apiKey().get()), project).await().indefinitely();
        LOG.infof("bootstrap project %s/%s has its API key registered", project.tenantId(), project.projectId());
    }
}
