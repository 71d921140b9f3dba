package io.ledgerline.collector.exporter;

import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes captured calls to {@code ledgerline.calls.captured}; the Uni completes once the broker accepted. */
@ApplicationScoped
public class CapturedCallPublisher {
    private final MutinyEmitter<byte[]> emitter;

    public CapturedCallPublisher(@Channel("captured") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(CallRecord call) {
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withDurable(true)
                .withMessageId(call.callId())
                .withContentType("application/json")
                .withApplicationProperty("tenantId", call.tenantId())
                .build();
        return emitter.sendMessage(Message.of(CallRecordCodec.toJsonBytes(call)).addMetadata(metadata));
    }
}
