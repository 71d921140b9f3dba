package io.ledgerline.collector.receiver.otlp;

import io.ledgerline.collector.auth.ApiKeyAuthenticator;
import io.ledgerline.collector.config.CollectorConfig;
import io.ledgerline.collector.exporter.CallExporter;
import io.ledgerline.support.problem.Problem;
import io.ledgerline.collector.problem.ProblemException;
import io.ledgerline.collector.receiver.BodyLimitFilter;
import io.ledgerline.collector.auth.ProjectRef;
import io.ledgerline.collector.receiver.Timeouts;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * OTLP/HTTP trace receiver ({@code POST /v1/traces}), protobuf or JSON. Every valid span is stored; GenAI spans also
 * become calls. Rejected spans are counted in the OTLP partial-success answer with their reasons, and the valid
 * spans of the same request are kept.
 */
@Path("/v1/traces")
public class OtlpResource {
    private static final Logger LOG = Logger.getLogger(OtlpResource.class);
    static final String PROTOBUF = "application/x-protobuf";

    private final ApiKeyAuthenticator authenticator;
    private final OtlpIntake intake;
    private final CallExporter exporter;
    private final CollectorConfig config;

    public OtlpResource(ApiKeyAuthenticator authenticator, OtlpIntake intake, CallExporter exporter,
            CollectorConfig config) {
        this.authenticator = authenticator;
        this.intake = intake;
        this.exporter = exporter;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Response export(@Context HttpHeaders headers, byte[] body) {
        boolean protobuf = isProtobuf(headers.getMediaType());
        ProjectRef project = authenticator.authenticate(headers).await().atMost(Timeouts.STORE);
        if (body != null && body.length > config.ingest().maxBodyBytes()) {
            return BodyLimitFilter.tooLarge(body.length, config.ingest().maxBodyBytes());
        }
        OtlpIntake.Read read = intake.read(project, body == null ? new byte[0] : body, protobuf);
        return exporter.export(project, read.spans(), read.calls())
                .map(failures -> answer(read, failures, protobuf))
                .onFailure().recoverWithItem(failure -> {
                    LOG.error("OTLP export could not store its spans", failure);
                    return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the span store is unavailable ("
                            + failure.getMessage() + "); nothing was accepted, send it again", List.of())
                            .toResponse();
                })
                .await().atMost(Timeouts.EXPORT);
    }

    private static Response answer(OtlpIntake.Read read, List<String> failures, boolean protobuf) {
        List<String> refused = failures.stream().filter(Objects::nonNull).toList();
        if (!refused.isEmpty()) {
            // OTLP clients retry a 503; the deterministic callIds make the retry harmless.
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, refused.size() + " calls were not accepted by the "
                    + "message broker: " + refused.get(0), List.of()).toResponse();
        }
        PartialSuccess partial = PartialSuccess.of(read.rejections());
        if (protobuf) {
            return Response.ok(partial.toProtobuf(), PROTOBUF).build();
        }
        return Response.ok(partial.toJson().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).build();
    }

    private static boolean isProtobuf(MediaType type) {
        if (type == null) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is required: application/x-protobuf or application/json");
        }
        String subtype = type.getSubtype();
        if (subtype.equals("x-protobuf") || subtype.equals("protobuf")) {
            return true;
        }
        if (subtype.equals("json")) {
            return false;
        }
        throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + type + " is not OTLP: send application/x-protobuf or application/json");
    }
}
