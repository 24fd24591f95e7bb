package app.detach.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real PostgreSQL and Kafka through the library, uses them, stops them, and checks nothing is left. */
class LocalStackInfraTest {

    @TempDir
    Path data;

    @Test
    void postgresAndKafkaStartServeAndLeaveNothingBehind() throws Exception {
        int pgPort = freePort();
        int kafkaPort = freePort();
        int controllerPort = freePort();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        StackOptions options = StackOptions.defaults()
                .withDataDir(data)
                .fresh(true)
                .withInfra(EnumSet.of(StackOptions.Infra.POSTGRES, StackOptions.Infra.KAFKA))
                .withPort(Port.POSTGRES, pgPort)
                .withPort(Port.KAFKA, kafkaPort)
                .withPort(Port.KAFKA_CONTROLLER, controllerPort)
                .withOutput(new PrintStream(progress, true, StandardCharsets.UTF_8));

        List<ChildProcess> children;
        try (LocalStack stack = LocalStack.start(options)) {
            assertEquals(pgPort, stack.postgresPort());
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("journal"), "journal", "journal");
                 ResultSet rs = c.createStatement().executeQuery("SELECT current_user, current_database()")) {
                assertTrue(rs.next());
                assertEquals("journal", rs.getString(1));
                assertEquals("journal", rs.getString(2));
            }
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            try (Admin client = Admin.create(admin)) {
                client.createTopics(List.of(new NewTopic("detach.test.v1", 3, (short) 1))).all().get(20, TimeUnit.SECONDS);
                assertTrue(client.listTopics().names().get(10, TimeUnit.SECONDS).contains("detach.test.v1"));
            }
            // a second stack on the same data directory is refused before it starts anything
            StackException second = assertThrows(StackException.class, () -> LocalStack.start(options.fresh(false)
                    .withPort(Port.POSTGRES, freePort()).withPort(Port.KAFKA, freePort()).withPort(Port.KAFKA_CONTROLLER, freePort())));
            assertTrue(second.getMessage().startsWith("another Detach stack is running on"), second.getMessage());

            children = stack.children();
            assertEquals(1, children.size(), "kafka is the only child");
        }

        children.forEach(c -> assertFalse(c.isAlive(), c + " stopped"));
        assertTrue(Ports.isFree(pgPort), "PostgreSQL stopped");
        assertTrue(Ports.isFree(kafkaPort), "Kafka stopped");
        String dir = data.toString();
        List<String> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(cmd -> cmd.contains(dir)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), leftovers);
        assertTrue(Files.exists(data.resolve("kafka/meta.properties")), "Kafka storage kept for the next run");
        assertTrue(Files.exists(data.resolve("postgres/PG_VERSION")), "PostgreSQL cluster kept for the next run");
        String printed = progress.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("ok kafka ready"), printed);
        assertTrue(printed.contains("> stopped"), printed);
    }

    @Test
    void kafkaAndPostgresCanBeStoppedAndStartedAgainKeepingTheirData() throws Exception {
        StackOptions options = StackOptions.defaults()
                .withDataDir(data)
                .fresh(true)
                .withInfra(EnumSet.of(StackOptions.Infra.POSTGRES, StackOptions.Infra.KAFKA))
                .withPort(Port.POSTGRES, freePort())
                .withPort(Port.KAFKA, freePort())
                .withPort(Port.KAFKA_CONTROLLER, freePort())
                .withOutput(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (LocalStack stack = LocalStack.start(options)) {
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("journal"), "journal", "journal")) {
                c.createStatement().execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
            }
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            try (Admin client = Admin.create(admin)) {
                client.createTopics(List.of(new NewTopic("detach.kept.v1", 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
            }

            stack.stopKafka();
            stack.stopPostgres();
            assertTrue(Ports.isFree(stack.postgresPort()), "PostgreSQL is down");
            assertTrue(Ports.isFree(stack.ports().get(Port.KAFKA)), "Kafka is down");
            assertEquals(List.of(), stack.children(), "a stopped broker is no longer tracked");

            stack.startPostgres();
            stack.startKafka();
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl("journal"), "journal", "journal");
                 ResultSet rs = c.createStatement().executeQuery("SELECT n FROM kept")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1), "the data survived the restart");
            }
            try (Admin client = Admin.create(admin)) {
                assertTrue(client.listTopics().names().get(10, TimeUnit.SECONDS).contains("detach.kept.v1"));
            }
        }
    }

    @Test
    void aBusyPortStopsTheStartBeforeAnythingRuns() throws IOException {
        try (ServerSocket busy = new ServerSocket(0)) {
            StackOptions options = StackOptions.defaults()
                    .withDataDir(data)
                    .withInfra(Set.of(StackOptions.Infra.POSTGRES))
                    .withPort(Port.POSTGRES, busy.getLocalPort());
            StackException e = assertThrows(StackException.class, () -> LocalStack.start(options));
            assertEquals("port " + busy.getLocalPort() + " is already in use; PostgreSQL needs it"
                    + " (stop whatever uses it or choose another with --postgres-port or DETACH_POSTGRES_PORT)", e.getMessage());
            assertFalse(Files.exists(data.resolve("postgres")), "nothing was started");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
