package io.ledgerline.cost.messaging;

import io.ledgerline.cost.service.PricingService;
import io.ledgerline.support.messaging.CallStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The cost stage: prices each incoming call, writes it to the ledger, publishes it to {@code calls.priced}, and only
 * then acknowledges (the delivery rules are {@link CallStage}'s).
 */
@ApplicationScoped
public class CallPricingConsumer {
    private final PricingService pricing;
    private final CallStage stage;

    public CallPricingConsumer(PricingService pricing, PricedCallPublisher publisher, MeterRegistry registry) {
        this.pricing = pricing;
        this.stage = new CallStage("cost", "priced", publisher, registry);
    }

    @Incoming("calls-in")
    public Uni<Void> consume(Message<Object> message) {
        return stage.handle(message, pricing::priceAndRecord);
    }
}
