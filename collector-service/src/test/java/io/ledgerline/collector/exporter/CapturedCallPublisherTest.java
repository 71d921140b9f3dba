package io.ledgerline.collector.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ledgerline.collector.support.CapturedCalls;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordBuilder;
import io.ledgerline.contracts.CallStatus;
import io.ledgerline.contracts.ChatMessage;
import io.ledgerline.contracts.Source;
import io.ledgerline.contracts.TokenBucket;
import io.ledgerline.contracts.Usage;
import io.ledgerline.testing.BrokerTestResource;
import io.ledgerline.testing.DatabaseTestResource;
import io.ledgerline.testing.EmbeddedBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the publisher reports as sent is on the broker, with the real Artemis. */
@QuarkusTest
@QuarkusTestResource(BrokerTestResource.class)
@QuarkusTestResource(DatabaseTestResource.class)
class CapturedCallPublisherTest {
    EmbeddedBroker broker;

    @Inject
    CapturedCallPublisher publisher;

    @Test
    void aRecordTheAmqpStringEncoderWouldRefuseStillReachesTheBroker() {
        // Sent as an AMQP string, an unpaired surrogate made proton-j refuse to encode the message while the send
        // still completed: the call was accepted and lost. As UTF-8 JSON bytes it is a JSON escape and arrives.
        // (The collector's sanitizer replaces such characters before this point; this is the publisher's own
        // guarantee, whatever a record holds.)
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        CallRecord call = new CallRecordBuilder().callId("surrogate-1").tenantId("t").projectId("p")
                .source(Source.API).provider("openai").startTime(start).status(CallStatus.OK).attempt(0)
                .logicalRequestId("surrogate-1").inputMessages(List.of(ChatMessage.of("user", "hello \ud800 world")))
                .usage(new Usage(TokenBucket.reported(1), null, null, null, null, null, null, null)).build();
        try (CapturedCalls calls = CapturedCalls.connect(broker)) {
            publisher.publish(call).await().atMost(Duration.ofSeconds(10));

            List<CallRecord> received = calls.receivedWithin(1, Duration.ofSeconds(10));
            assertEquals(1, received.size(), "the published call is on the broker");
            assertEquals("hello \ud800 world", received.get(0).inputMessages().get(0).content());
        }
    }
}
