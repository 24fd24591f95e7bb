package app.detach.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * An Apache Kafka broker in KRaft mode (one combined broker + controller node) as a child JVM on
 * the launcher's own jars ({@code deploy/local/target/lib}). Storage is formatted on first use only.
 */
public final class KafkaNode {

    private final ChildProcess child;
    private final int port;

    private KafkaNode(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
    }

    /**
     * Formats {@code logDir} if needed and starts the broker; returns at once, use {@link #probe()}.
     * The configuration file is written to {@code configDir}.
     */
    public static KafkaNode start(Path libDir, Path logDir, Path configDir, Path logsDir, int port, int controllerPort) {
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(configDir);
            Path config = configDir.resolve("kafka.properties");
            writeConfig(config, logDir, port, controllerPort);
            String classpath = libDir.toAbsolutePath() + "/*";
            String java = JavaRuntime.executable();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                ChildProcess.run("kafka-format",
                        List.of(java, "-Xmx128m", "-cp", classpath, "kafka.tools.StorageTool",
                                "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                        Map.of(), logDir, logsDir.resolve("kafka-format.log"), Duration.ofSeconds(60));
            }
            ChildProcess child = ChildProcess.start("kafka",
                    List.of(java, "-Xms64m", "-Xmx384m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                            "-Dorg.slf4j.simpleLogger.showDateTime=true",
                            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                            "-cp", classpath, "kafka.Kafka", config.toString()),
                    Map.of(), logDir, logsDir.resolve("kafka.log"));
            return new KafkaNode(child, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeConfig(Path file, Path logDir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        // a single node: every internal topic has one replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.hours", "168");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "Written by the Detach launcher on every start; edit KafkaNode.java instead");
        }
    }

    public ChildProcess child() {
        return child;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Ready when the port accepts connections and the cluster answers a describeCluster with a node. */
    public ReadinessProbe probe() {
        return ReadinessProbe.tcp(port).and(this::describesCluster);
    }

    private boolean describesCluster() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "detach-launcher-readiness");
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
