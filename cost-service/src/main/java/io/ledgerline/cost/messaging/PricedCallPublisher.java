package io.ledgerline.cost.messaging;

import io.ledgerline.support.messaging.StagePublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes priced calls to {@code calls.priced}, and dead-letters records that can never be priced. */
@Singleton
public class PricedCallPublisher extends StagePublisher {

    public PricedCallPublisher(@Channel("priced") MutinyEmitter<byte[]> priced,
            @Channel("calls-dlq") MutinyEmitter<byte[]> deadLetters) {
        super(priced, deadLetters);
    }
}
