package io.ledgerline.collector.support;

import io.ledgerline.contracts.Addresses;
import io.ledgerline.contracts.CallRecord;
import io.ledgerline.contracts.CallRecordCodec;
import io.ledgerline.testing.AmqpTestClient;
import io.ledgerline.testing.EmbeddedBroker;
import java.time.Duration;
import java.util.List;

/** What the collector published to {@code ledgerline.calls.captured}, read back from the real broker in a test. */
public final class CapturedCalls implements AutoCloseable {
    private final AmqpTestClient amqp;

    private CapturedCalls(AmqpTestClient amqp) {
        this.amqp = amqp;
    }

    /** Connects and drains what earlier tests of the class left on the address. */
    public static CapturedCalls connect(EmbeddedBroker broker) {
        AmqpTestClient amqp = new AmqpTestClient(broker.port());
        amqp.receive(Addresses.CALLS_CAPTURED, Integer.MAX_VALUE, Duration.ofMillis(300));
        return new CapturedCalls(amqp);
    }

    /** Up to {@code count} calls, waiting at most 20 s for them. */
    public List<CallRecord> received(int count) {
        return receivedWithin(count, Duration.ofSeconds(20));
    }

    public List<CallRecord> receivedWithin(int count, Duration wait) {
        return amqp.receive(Addresses.CALLS_CAPTURED, count, wait).stream().map(CallRecordCodec::fromJson).toList();
    }

    @Override
    public void close() {
        amqp.close();
    }
}
