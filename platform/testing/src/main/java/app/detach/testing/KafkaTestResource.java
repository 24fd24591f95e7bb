package app.detach.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) for {@code @QuarkusTest}s.
 * <p>
 * One broker per test JVM, on random ports chosen once, with its log directory under
 * {@code target/embedded-kafka}; it is stopped (and its files deleted) when the JVM exits. Returns
 * {@code kafka.bootstrap.servers}, which the SmallRye Kafka connector and {@link KafkaEvents} read.
 * <p>
 * Fault tests can take the broker away and bring it back on the same address with its data:
 * {@link #stopBroker()} and {@link #startBroker()}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> QUIET_CATEGORIES = List.of("kafka", "state.change.logger",
            "org.apache.kafka.server", "org.apache.kafka.raft", "org.apache.kafka.controller",
            "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.security",
            "org.apache.kafka.network", "io.smallrye.reactive.messaging.kafka.companion");

    private static EmbeddedKafkaBroker broker;
    private static String bootstrapServers;
    private static Path logDir;
    private static boolean hookRegistered;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        // the broker shares the test's log: keep its chatter out (the application's clients still log)
        for (String category : QUIET_CATEGORIES) {
            config.put("quarkus.log.category.\"" + category + "\".level", "WARN");
        }
        return config;
    }

    @Override
    public void stop() {
        // the broker is shared by every Quarkus start in this JVM; the shutdown hook stops it
    }

    /** The broker's address, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (broker == null) {
            create();
        }
        if (!broker.isRunning()) {
            startBroker();
        }
        return bootstrapServers;
    }

    /** Whether the broker currently runs. */
    public static synchronized boolean isRunning() {
        return broker != null && broker.isRunning();
    }

    /** Stops the broker, keeping its data; clients then see an unreachable broker. */
    public static synchronized void stopBroker() {
        if (broker != null && broker.isRunning()) {
            broker.close();
        }
    }

    /** Starts the broker again on the same address with the same data (no-op when running). */
    public static synchronized void startBroker() {
        if (broker == null) {
            create();
            return;
        }
        if (!broker.isRunning()) {
            broker.start();
        }
    }

    private static void create() {
        int kafkaPort = freePort();
        int controllerPort = freePort();
        logDir = TestDirectories.underTarget("embedded-kafka").resolve(UUID.randomUUID().toString());
        broker = new EmbeddedKafkaBroker()
                .withKafkaHost("localhost")
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                // kept across stopBroker()/startBroker(); deleted by the shutdown hook
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dir", logDir.toString());
                    props.put("auto.create.topics.enable", "true");
                    props.put("num.partitions", "1");
                    props.put("offsets.topic.num.partitions", "1");
                    // a restarted broker re-registers only after its old session expired (default 9 s)
                    props.put("broker.session.timeout.ms", "1500");
                    props.put("broker.heartbeat.interval.ms", "500");
                });
        broker.start();
        bootstrapServers = "localhost:" + kafkaPort;
        if (!hookRegistered) {
            hookRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestResource::shutdown, "embedded-kafka-closer"));
        }
    }

    private static synchronized void shutdown() {
        stopBroker();
        try {
            Utils.delete(logDir.toFile());
        } catch (IOException e) {
            // best effort: target/ is throw-away
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
