package io.ledgerline.intent.messaging;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes classified calls, and dead-letters records that can never be classified, with the reason. */
@ApplicationScoped
public class ClassifiedCallPublisher {
    private final MutinyEmitter<String> classified;
    private final MutinyEmitter<String> deadLetters;

    public ClassifiedCallPublisher(@Channel("classified") MutinyEmitter<String> classified,
            @Channel("calls-dlq") MutinyEmitter<String> deadLetters) {
        this.classified = classified;
        this.deadLetters = deadLetters;
    }

    /** Completes once the broker accepted the message. */
    public Uni<Void> publish(CallRecord call) {
        return classified.sendMessage(Message.of(CallRecordCodec.toJson(call)).addMetadata(
                OutgoingAmqpMetadata.builder().withDurable(true).withMessageId(call.callId())
                        .withContentType("application/json")
                        .withApplicationProperty("tenantId", call.tenantId()).build()));
    }

    public Uni<Void> deadLetter(String payload, String reason) {
        return deadLetters.sendMessage(Message.of(payload).addMetadata(OutgoingAmqpMetadata.builder()
                .withDurable(true).withContentType("application/json")
                .withApplicationProperty("ledgerline-dlq-reason", reason).build()));
    }
}
