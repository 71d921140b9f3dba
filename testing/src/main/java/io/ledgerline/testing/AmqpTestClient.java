package io.ledgerline.testing;

import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiver;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.amqp.AmqpSenderOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain AMQP 1.0 client for tests: sends to and receives from broker addresses, as another service would.
 * Uses queue capability on both sides, as the services do.
 */
public final class AmqpTestClient implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Vertx vertx = Vertx.vertx();
    private final AmqpClient client;
    private final AmqpConnection connection;

    public AmqpTestClient(int port) {
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(port)
                .setUsername("ledgerline").setPassword("ledgerline"));
        connection = await(client.connect().toCompletionStage().toCompletableFuture());
    }

    /** Sends a durable JSON text message and waits for the broker's acceptance. */
    public void send(String address, String json) {
        var sender = await(connection.createSender(address,
                new AmqpSenderOptions().addCapability("queue")).toCompletionStage().toCompletableFuture());
        await(sender.sendWithAck(AmqpMessage.create().durable(true).contentType("application/json")
                .withBody(json).build()).toCompletionStage().toCompletableFuture());
        await(sender.close().toCompletionStage().toCompletableFuture());
    }

    /** Receives up to {@code count} message bodies from {@code address}, waiting at most {@code wait} in all. */
    public List<String> receive(String address, int count, Duration wait) {
        LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        AmqpReceiver receiver = await(connection.createReceiver(address,
                new AmqpReceiverOptions().addCapability("queue").setDurable(true))
                .toCompletionStage().toCompletableFuture());
        receiver.handler(message -> bodies.add(body(message)));
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (received.size() < count && System.nanoTime() < deadline) {
                String body = bodies.poll(100, TimeUnit.MILLISECONDS);
                if (body != null) {
                    received.add(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            await(receiver.close().toCompletionStage().toCompletableFuture());
        }
        return received;
    }

    @Override
    public void close() {
        try {
            await(connection.close().toCompletionStage().toCompletableFuture());
            await(client.close().toCompletionStage().toCompletableFuture());
        } finally {
            vertx.close();
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("AMQP operation failed: " + e.getMessage(), e);
        }
    }

    /** The services send call records as UTF-8 bytes (a data section); a test may send them as a string value. */
    static String body(AmqpMessage message) {
        if (message.unwrap().getBody() instanceof org.apache.qpid.proton.amqp.messaging.Data) {
            return message.bodyAsBinary().toString(java.nio.charset.StandardCharsets.UTF_8);
        }
        return message.bodyAsString();
    }
}
