package io.ledgerline.cost.rest;

import io.ledgerline.support.problem.InvalidFieldException;
import io.ledgerline.cost.repository.NcuSettingsRepository;
import io.ledgerline.cost.pricing.NcuSettings;
import io.ledgerline.cost.pricing.ProjectNcuSettings;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /api/v1/projects/{projectId}/ncu-settings}: what a second of latency is worth and the latency budget, for
 * the project and per intent or workflow. Applies to calls priced from then on (a change never rewrites history).
 */
@Path("/api/v1/projects/{projectId}/ncu-settings")
@Produces(MediaType.APPLICATION_JSON)
public class NcuSettingsResource {
    private final NcuSettingsRepository repository;

    public NcuSettingsResource(NcuSettingsRepository repository) {
        this.repository = repository;
    }

    /** Settings as sent and returned; money and seconds are decimal strings. */
    public record Settings(String valueOfTimePerSecond, String latencyBudgetSeconds) {
        static Settings of(NcuSettings s) {
            return new Settings(s.valueOfTimePerSecond().toPlainString(), s.latencyBudgetSeconds().toPlainString());
        }

        NcuSettings toDomain(String field) {
            return new NcuSettings(DecimalField.parse(field + ".valueOfTimePerSecond", valueOfTimePerSecond),
                    DecimalField.parse(field + ".latencyBudgetSeconds", latencyBudgetSeconds));
        }
    }

    public record Body(Settings project, Map<String, Settings> intents, Map<String, Settings> workflows) {
    }

    @GET
    public Uni<Body> get(@HeaderParam(Tenancy.HEADER) String tenant, @PathParam("projectId") String projectId) {
        return repository.find(Tenancy.require(tenant), projectId).map(NcuSettingsResource::toBody);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Body> put(@HeaderParam(Tenancy.HEADER) String tenant, @PathParam("projectId") String projectId,
            Body body) {
        String tenantId = Tenancy.require(tenant);
        if (body == null) {
            throw new InvalidFieldException("body", "is required: {project, intents, workflows}");
        }
        ProjectNcuSettings settings = new ProjectNcuSettings(
                body.project() == null ? null : body.project().toDomain("project"),
                scoped("intents", body.intents()), scoped("workflows", body.workflows()));
        return repository.replace(tenantId, projectId, settings).replaceWith(toBody(settings));
    }

    private static Map<String, NcuSettings> scoped(String field, Map<String, Settings> settings) {
        Map<String, NcuSettings> result = new HashMap<>();
        if (settings != null) {
            settings.forEach((key, value) -> result.put(key, value.toDomain(field + "." + key)));
        }
        return result;
    }

    private static Body toBody(ProjectNcuSettings settings) {
        Map<String, Settings> intents = new HashMap<>();
        settings.byIntent().forEach((k, v) -> intents.put(k, Settings.of(v)));
        Map<String, Settings> workflows = new HashMap<>();
        settings.byWorkflow().forEach((k, v) -> workflows.put(k, Settings.of(v)));
        return new Body(Settings.of(settings.project()), intents, workflows);
    }
}
