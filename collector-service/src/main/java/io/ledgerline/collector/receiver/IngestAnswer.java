package io.ledgerline.collector.receiver;

import io.ledgerline.support.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-item answer of an ingest request. 200 when every item was taken, 207 when some were rejected, 422 when
 * none was, 503 when the broker or database refused valid items (send them again). Anything but 200 is also a
 * problem+json document whose {@code errors} name each rejected item's field and reason.
 */
public record IngestAnswer(List<ItemResult> results, boolean serverRefused) {

    public Response toResponse() {
        long accepted = results.stream().filter(ItemResult::isAccepted).count();
        long rejected = results.size() - accepted;
        Map<String, Object> body = new LinkedHashMap<>();
        if (rejected == 0) {
            body.put("accepted", accepted);
            body.put("rejected", 0);
            body.put("results", results);
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
        }
        int status = serverRefused ? 503 : accepted == 0 ? 422 : 207;
        body.put("type", "about:blank");
        body.put("title", serverRefused ? "Service Unavailable" : accepted == 0 ? "Unprocessable Content"
                : "Multi-Status");
        body.put("status", status);
        body.put("detail", rejected + " of " + results.size() + " items were not accepted; see errors");
        body.put("errors", results.stream().filter(r -> !r.isAccepted())
                .map(r -> new Problem.FieldError(itemField(r), r.error().reason()))
                .toList());
        body.put("accepted", accepted);
        body.put("rejected", rejected);
        body.put("results", results);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** {@code items[2].request.url}, or {@code items[2]} for a reason about the whole item. */
    static String itemField(ItemResult result) {
        String field = result.error().field();
        return "items[" + result.index() + "]" + (field == null || field.isEmpty() ? "" : "." + field);
    }
}
