package io.ledgerline.collector.exporter;

import io.ledgerline.collector.auth.ProjectRef;
import io.ledgerline.contracts.CallRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stores a request's spans, then publishes its calls. A call counts as accepted only when the broker accepted it;
 * a call the broker refused is reported as such (the client retries, and the deterministic callId makes the retry
 * harmless downstream).
 */
@ApplicationScoped
public class CallExporter {
    private static final Logger LOG = Logger.getLogger(CallExporter.class);

    private final SpanStore spans;
    private final CapturedCallPublisher publisher;

    public CallExporter(SpanStore spans, CapturedCallPublisher publisher) {
        this.spans = spans;
        this.publisher = publisher;
    }

    /** Returns, in the order of {@code calls}, null for a published call or the reason it was not published. */
    public Uni<List<String>> export(ProjectRef project, List<SpanRow> spanRows, List<CallRecord> calls) {
        return spans.save(project, spanRows).chain(() -> publishAll(calls));
    }

    private Uni<List<String>> publishAll(List<CallRecord> calls) {
        if (calls.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<String>> sends = new ArrayList<>();
        for (CallRecord call : calls) {
            sends.add(publisher.publish(call).map(ignored -> (String) null).onFailure().recoverWithItem(failure -> {
                LOG.warnf("broker did not accept call %s: %s", call.callId(), failure.getMessage());
                return "the message broker did not accept the call (" + failure.getMessage() + "); send it again";
            }));
        }
        return Uni.combine().all().unis(sends).with(String.class, list -> list);
    }
}
