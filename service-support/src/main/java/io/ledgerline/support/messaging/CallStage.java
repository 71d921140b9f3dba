package io.ledgerline.support.messaging;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.SchemaViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The delivery rules every pipeline stage follows (DESIGN.md §2): decode the record, enrich it, publish it, and only
 * then acknowledge. A record that can never be handled ({@link PermanentFailure}: it breaks the schema, or the
 * database refuses its data) goes to the dead-letter address with the reason and is acknowledged; any other failure
 * (database or broker down, a queue full) is a nack, so the broker redelivers it.
 * Counts each outcome as {@code ledgerline.<stage>.calls{outcome=<done>|dead_lettered|nacked}}.
 */
public final class CallStage {
    private static final Logger LOG = Logger.getLogger(CallStage.class);

    private final String stage;
    private final StagePublisher publisher;
    private final Counter done;
    private final Counter deadLettered;
    private final Counter nacked;

    /**
     * @param stage the metric's middle name ({@code cost}, {@code intent})
     * @param done  the outcome name of a handled record ({@code priced}, {@code classified})
     */
    public CallStage(String stage, String done, StagePublisher publisher, MeterRegistry registry) {
        this.stage = stage;
        this.publisher = publisher;
        String metric = "ledgerline." + stage + ".calls";
        this.done = registry.counter(metric, "outcome", done);
        this.deadLettered = registry.counter(metric, "outcome", "dead_lettered");
        this.nacked = registry.counter(metric, "outcome", "nacked");
    }

    public Uni<Void> handle(Message<Object> message, Function<CallRecord, Uni<CallRecord>> enrich) {
        String payload = text(message.getPayload());
        CallRecord call;
        try {
            call = CallRecordCodec.fromJson(payload);
        } catch (SchemaViolation e) {
            LOG.warnf("%s stage: dead-lettering a record that breaks the schema: %s", stage, e.getMessage());
            return deadLetter(message, payload, e.getMessage());
        }
        return enrich.apply(call)
                .chain(publisher::publish)
                .invoke(() -> done.increment())
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure(PermanentFailure::is).recoverWithUni(failure -> {
                    LOG.warnf("%s stage: dead-lettering call %s, it can never be handled: %s", stage, call.callId(),
                            failure.getMessage());
                    return deadLetter(message, payload, failure.getMessage());
                })
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("%s stage: call %s not handled now, the broker will redeliver it: %s", stage,
                            call.callId(), failure.getMessage());
                    nacked.increment();
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private Uni<Void> deadLetter(Message<Object> message, String payload, String reason) {
        return publisher.deadLetter(payload, reason)
                .invoke(() -> deadLettered.increment())
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(f -> Uni.createFrom().completionStage(message.nack(f)));
    }

    /** The AMQP connector hands JSON bodies over as Vert.x JSON values (their toString is the JSON), others as bytes. */
    static String text(Object payload) {
        return payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(payload);
    }
}
