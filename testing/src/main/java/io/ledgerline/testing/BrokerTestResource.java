package io.ledgerline.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a real embedded Artemis (AMQP 1.0) for a Quarkus test and points the AMQP connector at it. */
public class BrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedBroker broker;

    @Override
    public Map<String, String> start() {
        broker = EmbeddedBroker.start(FreePort.find(), null);
        return Map.of(
                "amqp-host", "127.0.0.1",
                "amqp-port", String.valueOf(broker.port()),
                "amqp-username", "ledgerline",
                "amqp-password", "ledgerline");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker, new TestInjector.MatchesType(EmbeddedBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
