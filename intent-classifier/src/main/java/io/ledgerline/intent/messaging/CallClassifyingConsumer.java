package io.ledgerline.intent.messaging;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.contracts.SchemaViolation;
import io.ledgerline.intent.service.CallIntents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The intent stage: gives each captured call its intent, stores it, publishes the record to {@code calls.classified}
 * and only then acknowledges. A record that breaks the schema goes to the dead-letter address with the reason; any
 * other failure (database or broker down, embedding queue full) is a nack, so the broker redelivers it.
 */
@ApplicationScoped
public class CallClassifyingConsumer {
    private static final Logger LOG = Logger.getLogger(CallClassifyingConsumer.class);

    private final CallIntents intents;
    private final ClassifiedCallPublisher publisher;
    private final Counter classified;
    private final Counter deadLettered;
    private final Counter nacked;

    public CallClassifyingConsumer(CallIntents intents, ClassifiedCallPublisher publisher, MeterRegistry registry) {
        this.intents = intents;
        this.publisher = publisher;
        this.classified = registry.counter("ledgerline.intent.calls", "outcome", "classified");
        this.deadLettered = registry.counter("ledgerline.intent.calls", "outcome", "dead_lettered");
        this.nacked = registry.counter("ledgerline.intent.calls", "outcome", "nacked");
    }

    @Incoming("calls-in")
    public Uni<Void> consume(Message<Object> message) {
        // the AMQP connector hands JSON bodies over as Vert.x JSON values (whose toString is the JSON), others as bytes
        String payload = message.getPayload() instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(message.getPayload());
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
        return intents.intentOf(call)
                .chain(intent -> publisher.publish(call.withIntent(intent)))
                .invoke(() -> classified.increment())
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("call %s not classified now, the broker will redeliver it: %s", call.callId(),
                            failure.getMessage());
                    nacked.increment();
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }
}
