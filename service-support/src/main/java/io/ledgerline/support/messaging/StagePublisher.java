package io.ledgerline.support.messaging;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What a pipeline stage sends: the enriched record to its output address (durable, message id = callId), and records
 * it can never handle to its dead-letter address with the reason. A service subclasses it as a {@code @Singleton}
 * (no client proxy, so no no-args constructor is needed) to inject its channels.
 */
public class StagePublisher {
    public static final String DLQ_REASON = "ledgerline-dlq-reason";

    private final MutinyEmitter<byte[]> out;
    private final MutinyEmitter<byte[]> deadLetters;

    protected StagePublisher(MutinyEmitter<byte[]> out, MutinyEmitter<byte[]> deadLetters) {
        this.out = out;
        this.deadLetters = deadLetters;
    }

    /** Completes once the broker accepted the message. */
    public Uni<Void> publish(CallRecord call) {
        // as UTF-8 bytes: a string body would be encoded by the AMQP library, which can refuse it unseen
        return out.sendMessage(Message.of(CallRecordCodec.toJsonBytes(call)).addMetadata(OutgoingAmqpMetadata.builder()
                .withDurable(true).withMessageId(call.callId()).withContentType("application/json")
                .withApplicationProperty("tenantId", call.tenantId()).build()));
    }

    public Uni<Void> deadLetter(String payload, String reason) {
        return deadLetters.sendMessage(Message.of(payload.getBytes(StandardCharsets.UTF_8))
                .addMetadata(OutgoingAmqpMetadata.builder().withDurable(true).withContentType("application/json")
                        .withApplicationProperty(DLQ_REASON, reason).build()));
    }
}
