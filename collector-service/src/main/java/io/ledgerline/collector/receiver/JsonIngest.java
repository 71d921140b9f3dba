package io.ledgerline.collector.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.collector.auth.ApiKeyAuthenticator;
import io.ledgerline.collector.auth.ProjectRef;
import io.ledgerline.collector.config.CollectorConfig;
import io.ledgerline.collector.exporter.CallExporter;
import io.ledgerline.collector.exporter.CallSpans;
import io.ledgerline.collector.exporter.SpanRow;
import io.ledgerline.support.problem.Problem;
import io.ledgerline.collector.problem.ProblemException;
import io.ledgerline.collector.processor.CallFinisher;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.SchemaViolation;
import io.ledgerline.contracts.Source;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The shared path of the JSON ingest endpoints (exchanges, native calls): authenticate, read one item or an array,
 * convert each item on a worker thread (token counting is CPU work), store and publish the valid ones, answer per item.
 */
@ApplicationScoped
public class JsonIngest {
    private static final Logger LOG = Logger.getLogger(JsonIngest.class);

    private final ApiKeyAuthenticator authenticator;
    private final CallFinisher finisher;
    private final CallExporter exporter;
    private final CollectorConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public JsonIngest(ApiKeyAuthenticator authenticator, CallFinisher finisher, CallExporter exporter,
            CollectorConfig config) {
        this.authenticator = authenticator;
        this.finisher = finisher;
        this.exporter = exporter;
        this.config = config;
    }

    /**
     * Runs on a worker thread (the resources are {@code @Blocking}): parsing and token counting are CPU work, and the
     * database and broker waits are bounded by their own timeouts.
     */
    public Response ingest(HttpHeaders headers, byte[] body, Source source, ItemConverter converter) {
        ProjectRef project = authenticator.authenticate(headers).await().atMost(Timeouts.STORE);
        if (body == null || body.length == 0) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body is empty: send one item or an array");
        }
        if (body.length > config.ingest().maxBodyBytes()) {
            return BodyLimitFilter.tooLarge(body.length, config.ingest().maxBodyBytes());
        }
        return export(project, prepare(project, body, source, converter)).await().atMost(Timeouts.EXPORT);
    }

    private Prepared prepare(ProjectRef project, byte[] body, Source source, ItemConverter converter) {
        List<JsonNode> items = items(body);
        Prepared prepared = new Prepared(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                if (!item.isObject()) {
                    throw new InvalidItemException("", "an item must be a JSON object");
                }
                CallRecord call = finisher.finish(converter.convert(item), project, source,
                        converter.clientCallId(item), item.toString());
                prepared.accept(i, call);
            } catch (InvalidItemException e) {
                prepared.reject(i, e.field(), e.getMessage());
            } catch (SchemaViolation e) {
                prepared.reject(i, "", "the call cannot be recorded: " + e.getMessage());
            } catch (RuntimeException e) {
                // A collector bug, not the sender's: say so plainly, keep the details in the log.
                LOG.warnf(e, "item %d could not be converted", i);
                prepared.reject(i, "", "the collector failed on this item (an internal error, logged); the other "
                        + "items are not affected");
            }
        }
        return prepared;
    }

    private List<JsonNode> items(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body is not valid JSON: "
                    + JsonSyntax.describe(e));
        } catch (java.io.IOException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body cannot be read: " + e.getMessage());
        }
        List<JsonNode> items = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(items::add);
        } else if (root != null && root.isObject()) {
            items.add(root);
        } else {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the body must be a JSON object or an array of them");
        }
        if (items.size() > config.ingest().maxItems()) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the request holds " + items.size()
                    + " items; the limit is " + config.ingest().maxItems() + " (ledgerline.ingest.max-items)");
        }
        if (items.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "the array is empty: nothing to ingest");
        }
        return items;
    }

    private Uni<Response> export(ProjectRef project, Prepared prepared) {
        List<SpanRow> spans = prepared.calls.stream().map(CallSpans::of).toList();
        return exporter.export(project, spans, prepared.calls)
                .map(failures -> {
                    boolean refused = false;
                    for (int k = 0; k < failures.size(); k++) {
                        if (failures.get(k) != null) {
                            refused = true;
                            prepared.results.set(prepared.callIndexes.get(k),
                                    ItemResult.rejected(prepared.callIndexes.get(k), "", failures.get(k)));
                        }
                    }
                    return new IngestAnswer(prepared.results, refused).toResponse();
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.error("ingest could not store its spans", failure);
                    return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the span store is unavailable ("
                            + failure.getMessage() + "); nothing of this request was accepted, send it again",
                            List.of()).toResponse();
                });
    }

    /** Items converted so far: results by item index, and the valid calls with their item index. */
    private static final class Prepared {
        final List<ItemResult> results;
        final List<CallRecord> calls = new ArrayList<>();
        final List<Integer> callIndexes = new ArrayList<>();

        Prepared(int size) {
            results = new ArrayList<>(java.util.Collections.nCopies(size, null));
        }

        void accept(int index, CallRecord call) {
            results.set(index, ItemResult.accepted(index, call.callId()));
            calls.add(call);
            callIndexes.add(index);
        }

        void reject(int index, String field, String reason) {
            results.set(index, ItemResult.rejected(index, field, reason));
        }
    }
}
