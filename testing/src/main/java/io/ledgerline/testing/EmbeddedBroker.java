package io.ledgerline.testing;

import io.ledgerline.contracts.Addresses;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real ActiveMQ Artemis broker speaking AMQP 1.0 on loopback. Addresses default to ANYCAST (queue semantics, so a
 * message sent before its consumer attaches waits for it), and every pipeline address dead-letters to its
 * {@code .dlq} twin after repeated failed deliveries.
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final List<String> PIPELINE_ADDRESSES = List.of(
            Addresses.CALLS_CAPTURED, Addresses.CALLS_CLASSIFIED, Addresses.CALLS_EVALUATED,
            Addresses.CALLS_PRICED, Addresses.DRIFT_MEASURED, Addresses.ALERTS_RAISED);

    private final EmbeddedActiveMQ server;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker on {@code port}. With a {@code dataDir} the journal is persistent (a restart keeps queued
     * messages); without one the broker lives in memory.
     */
    public static EmbeddedBroker start(int port, Path dataDir) {
        try {
            Configuration config = new ConfigurationImpl()
                    .setName("ledgerline-" + port)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false)
                    .setPersistenceEnabled(dataDir != null)
                    .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
            if (dataDir != null) {
                config.setJournalDirectory(dataDir.resolve("journal").toString())
                        .setBindingsDirectory(dataDir.resolve("bindings").toString())
                        .setLargeMessagesDirectory(dataDir.resolve("large-messages").toString())
                        .setPagingDirectory(dataDir.resolve("paging").toString());
            }
            config.addAddressSetting("#", new AddressSettings()
                    .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                    .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                    .setAutoCreateAddresses(true)
                    .setAutoCreateQueues(true)
                    .setAutoDeleteQueues(false)
                    .setAutoDeleteAddresses(false));
            for (String address : PIPELINE_ADDRESSES) {
                config.addAddressSetting(address, new AddressSettings()
                        .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                        .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                        .setAutoCreateAddresses(true)
                        .setAutoCreateQueues(true)
                        .setAutoDeleteQueues(false)
                        .setAutoDeleteAddresses(false)
                        .setDeadLetterAddress(SimpleString.of(Addresses.dlq(address)))
                        .setAutoCreateDeadLetterResources(true)
                        .setMaxDeliveryAttempts(50)
                        .setRedeliveryDelay(500)
                        .setRedeliveryMultiplier(2)
                        .setMaxRedeliveryDelay(30_000));
            }
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(config);
            server.start();
            return new EmbeddedBroker(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** Messages waiting on the queue of {@code address} (0 when the queue does not exist yet). */
    public long queueDepth(String address) {
        var queue = server.getActiveMQServer().locateQueue(SimpleString.of(address));
        return queue == null ? 0 : queue.getMessageCount();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis did not stop cleanly", e);
        }
    }
}
