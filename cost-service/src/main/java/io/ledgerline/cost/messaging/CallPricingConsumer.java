package io.ledgerline.cost.messaging;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.SchemaViolation;
import io.ledgerline.cost.service.PricingService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The cost stage: prices each incoming call, writes it to the ledger, publishes it to {@code calls.priced}, and only
 * then acknowledges. A record that breaks the schema goes to the dead-letter address with the reason; any other
 * failure (database or broker down) is a nack, so the broker redelivers it.
 */
@ApplicationScoped
public class CallPricingConsumer {
    private static final Logger LOG = Logger.getLogger(CallPricingConsumer.class);

    private final PricingService pricing;
    private final PricedCallPublisher publisher;
    private final Counter priced;
    private final Counter deadLettered;
    private final Counter redelivered;

    public CallPricingConsumer(PricingService pricing, PricedCallPublisher publisher, MeterRegistry registry) {
        this.pricing = pricing;
        this.publisher = publisher;
        this.priced = registry.counter("ledgerline.cost.calls", "outcome", "priced");
        this.deadLettered = registry.counter("ledgerline.cost.calls", "outcome", "dead_lettered");
        this.redelivered = registry.counter("ledgerline.cost.calls", "outcome", "nacked");
    }

    @Incoming("calls-in")
    public Uni<Void> consume(Message<Object> message) {
        String payload = text(message.getPayload());
        CallRecord call;
        try {
            call = CallRecordCodec.fromJson(payload);
        } catch (SchemaViolation e) {
            LOG.warnf("dead-lettering a record that breaks the schema: %s", e.getMessage());
            return publisher.deadLetter(payload, e.getMessage())
                    .invoke(() -> deadLettered.increment())
                    .chain(() -> Uni.createFrom().completionStage(message.ack()))
                    .onFailure().recoverWithUni(f -> Uni.createFrom().completionStage(message.nack(f)));
        }
        return pricing.priceAndRecord(call)
                .chain(publisher::publish)
                .invoke(() -> priced.increment())
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("call %s not priced now, the broker will redeliver it: %s", call.callId(),
                            failure.getMessage());
                    redelivered.increment();
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** The AMQP connector hands JSON bodies over as Vert.x JSON values, other bodies as text or bytes. */
    private static String text(Object payload) {
        if (payload instanceof JsonObject object) {
            return object.encode();
        }
        if (payload instanceof JsonArray array) {
            return array.encode();
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(payload);
    }
}
