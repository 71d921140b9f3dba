package io.ledgerline.intent.messaging;

import io.ledgerline.intent.service.CallIntents;
import io.ledgerline.support.messaging.CallStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The intent stage: gives each captured call its intent (stored once per call), publishes the record to
 * {@code calls.classified}, and only then acknowledges (the delivery rules are {@link CallStage}'s; an embedding
 * queue that is full is a nack like a database that is down).
 */
@ApplicationScoped
public class CallClassifyingConsumer {
    private final CallIntents intents;
    private final CallStage stage;

    public CallClassifyingConsumer(CallIntents intents, ClassifiedCallPublisher publisher, MeterRegistry registry) {
        this.intents = intents;
        this.stage = new CallStage("intent", "classified", publisher, registry);
    }

    @Incoming("calls-in")
    public Uni<Void> consume(Message<Object> message) {
        return stage.handle(message, call -> intents.intentOf(call).map(call::withIntent));
    }
}
