package io.ledgerline.intent.messaging;

import io.ledgerline.support.messaging.StagePublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes classified calls to {@code calls.classified}, and dead-letters records that can never be classified. */
@Singleton
public class ClassifiedCallPublisher extends StagePublisher {

    public ClassifiedCallPublisher(@Channel("classified") MutinyEmitter<byte[]> classified,
            @Channel("calls-dlq") MutinyEmitter<byte[]> deadLetters) {
        super(classified, deadLetters);
    }
}
