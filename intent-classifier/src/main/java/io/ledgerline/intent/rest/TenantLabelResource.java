package io.ledgerline.intent.rest;

import io.ledgerline.support.problem.InvalidFieldException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.intent.embedding.TextSanitizer;
import io.ledgerline.intent.model.Taxonomy;
import io.ledgerline.intent.repository.TenantLabelRepository;
import io.ledgerline.intent.repository.TenantLabelRepository.StoredLabel;
import io.ledgerline.intent.service.TenantLabels;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/intents/labels}: a tenant's own intents, each given by example prompts. A call whose prompt is close
 * enough to one of the examples gets that label before the trained head is asked. A tenant label may also carry a
 * default label's name, to teach the classifier the tenant's own phrasing of it.
 */
@Path("/api/v1/intents/labels")
@Produces(MediaType.APPLICATION_JSON)
public class TenantLabelResource {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    static final int MAX_EXAMPLES = 200;
    /** All of a tenant's examples are kept in memory as embeddings (1.5 KB each). */
    static final int MAX_TENANT_EXAMPLES = 2000;
    static final int MAX_EXAMPLE_CHARS = 2000;
    static final int MAX_DESCRIPTION_CHARS = 500;

    private final TenantLabelRepository repository;
    private final TenantLabels tenantLabels;

    public TenantLabelResource(TenantLabelRepository repository, TenantLabels tenantLabels) {
        this.repository = repository;
        this.tenantLabels = tenantLabels;
    }

    @GET
    public Uni<List<StoredLabel>> list(@HeaderParam(Tenancy.HEADER) String tenant) {
        return repository.all(Tenancy.require(tenant));
    }

    @GET
    @Path("{label}")
    public Uni<StoredLabel> get(@HeaderParam(Tenancy.HEADER) String tenant, @PathParam("label") String label) {
        return repository.find(Tenancy.require(tenant), label).map(found -> found.orElseThrow(() -> missing(label)));
    }

    /** Creates the label (201) or replaces its description and examples (200). */
    @PUT
    @Path("{label}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> put(@HeaderParam(Tenancy.HEADER) String tenant, @PathParam("label") String label,
            JsonNode body) {
        String tenantId = Tenancy.require(tenant);
        StoredLabel stored = parse(label, body);
        return repository.all(tenantId).chain(existing -> {
            int others = existing.stream().filter(l -> !l.label().equals(stored.label()))
                    .mapToInt(l -> l.examples().size()).sum();
            if (others + stored.examples().size() > MAX_TENANT_EXAMPLES) {
                throw new InvalidFieldException("examples", "would give the tenant " + (others + stored.examples().size())
                        + " examples in all; at most " + MAX_TENANT_EXAMPLES + " are kept per tenant");
            }
            return repository.put(tenantId, stored);
        }).invoke(() -> tenantLabels.changed(tenantId))
                .map(created -> Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                        .entity(stored).build());
    }

    @DELETE
    @Path("{label}")
    public Uni<Response> delete(@HeaderParam(Tenancy.HEADER) String tenant, @PathParam("label") String label) {
        String tenantId = Tenancy.require(tenant);
        return repository.delete(tenantId, label).invoke(() -> tenantLabels.changed(tenantId)).map(deleted -> {
            if (!deleted) {
                throw missing(label);
            }
            return Response.noContent().build();
        });
    }

    /** {@code {"description": "…"?, "examples": ["…", …]}} for the label named in the path. */
    static StoredLabel parse(String label, JsonNode body) {
        if (label == null || !NAME.matcher(label).matches()) {
            throw new InvalidFieldException("label", "must be 1 to 64 characters of a-z, 0-9, '_', '.', '-', "
                    + "starting with a letter or digit");
        }
        if (Taxonomy.OTHER.equals(label)) {
            throw new InvalidFieldException("label", "'other' is what a prompt gets when nothing fits; it takes no examples");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "must be a JSON object {\"description\": \"...\", \"examples\": [...]}");
        }
        JsonNode description = body.get("description");
        if (description != null && !description.isNull()
                && (!description.isTextual() || description.textValue().length() > MAX_DESCRIPTION_CHARS)) {
            throw new InvalidFieldException("description", "must be a string of at most " + MAX_DESCRIPTION_CHARS
                    + " characters");
        }
        JsonNode examples = body.get("examples");
        if (examples == null || !examples.isArray()) {
            throw new InvalidFieldException("examples", "is required: an array of 1 to " + MAX_EXAMPLES
                    + " example prompts");
        }
        if (examples.isEmpty() || examples.size() > MAX_EXAMPLES) {
            throw new InvalidFieldException("examples", "must hold 1 to " + MAX_EXAMPLES + " example prompts, not "
                    + examples.size());
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            JsonNode example = examples.get(i);
            if (!example.isTextual() || example.textValue().isBlank()) {
                throw new InvalidFieldException("examples[" + i + "]", "must be a non-blank string");
            }
            if (example.textValue().length() > MAX_EXAMPLE_CHARS) {
                throw new InvalidFieldException("examples[" + i + "]", "is longer than " + MAX_EXAMPLE_CHARS
                        + " characters");
            }
            // stored as the model will read them; a NUL or a lone surrogate cannot be stored in PostgreSQL text
            texts.add(TextSanitizer.sanitize(example.textValue()).strip());
        }
        return new StoredLabel(label, description == null || description.isNull() ? null : description.textValue(),
                List.copyOf(texts));
    }

    private static NotFoundException missing(String label) {
        return new NotFoundException("the tenant has no label '" + label + "'");
    }
}
