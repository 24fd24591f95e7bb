package app.detach.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.streak.UrgeResisted;

/** The real PostgreSQL and Kafka started by the test resources, without Quarkus. */
class EmbeddedInfrastructureTest {

    @Test
    void everyStartGetsItsOwnFreshDatabase() throws Exception {
        PostgresTestResource first = new PostgresTestResource();
        PostgresTestResource second = new PostgresTestResource();
        Map<String, String> a = first.start();
        Map<String, String> b = second.start();
        try {
            assertNotEquals(a.get("quarkus.datasource.jdbc.url"), b.get("quarkus.datasource.jdbc.url"));
            assertTrue(a.get("quarkus.datasource.reactive.url").startsWith("postgresql://localhost:"));
            try (Connection connection = DriverManager.getConnection(a.get("quarkus.datasource.jdbc.url"),
                    a.get("quarkus.datasource.username"), a.get("quarkus.datasource.password"));
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id int primary key)");
                statement.execute("INSERT INTO t VALUES (1)");
                try (ResultSet rs = statement.executeQuery("SELECT version(), count(*) FROM t")) {
                    rs.next();
                    assertTrue(rs.getString(1).startsWith("PostgreSQL 17."), rs.getString(1));
                    assertEquals(1, rs.getInt(2));
                }
            }
            try (Connection connection = DriverManager.getConnection(b.get("quarkus.datasource.jdbc.url"),
                    b.get("quarkus.datasource.username"), b.get("quarkus.datasource.password"));
                    ResultSet rs = connection.getMetaData().getTables(null, "public", "t", null)) {
                assertTrue(!rs.next(), "the second database must not see the first one's table");
            }
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void publishedEventIsReadBackValidatedAndNothingElseMatches() {
        KafkaEvents events = new KafkaEvents(new KafkaTestResource().start().get("kafka.bootstrap.servers"));
        String userId = UUID.randomUUID().toString();
        UrgeResisted data = new UrgeResisted(userId, UUID.randomUUID(), 7, Instant.now().truncatedTo(ChronoUnit.MILLIS));

        String id = events.publish(data, "/detach/test");

        ReceivedEvent received = events.await(Topics.STREAK, userId, EventType.URGE_RESISTED.type());
        assertEquals(id, received.id());
        assertEquals("/detach/test", received.source());
        assertEquals(data.urgeId().toString(), received.subject());
        assertEquals(7, received.data().get("intensity").asInt());
        events.assertExactly(Topics.STREAK, KafkaEvents.key(userId), 1, Duration.ofMillis(300));
        // the helpers can fail: nothing arrives for another user
        assertThrows(AssertionError.class,
                () -> events.await(Topics.STREAK, KafkaEvents.key("nobody-" + userId), Duration.ofMillis(500)));
    }

    @Test
    void eventThatBreaksItsSchemaFailsTheRead() {
        KafkaEvents events = new KafkaEvents(KafkaTestResource.bootstrapServers());
        String userId = UUID.randomUUID().toString();
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("userId", userId).put("urgeId", "not-a-uuid").put("intensity", 11);

        events.publishRaw(Topics.STREAK, userId, EventType.URGE_RESISTED.type(), "/detach/test", null, data,
                UUID.randomUUID().toString());

        AssertionError error = assertThrows(AssertionError.class, () -> events.await(Topics.STREAK, KafkaEvents.key(userId)));
        assertTrue(error.getMessage().contains("intensity"), error.getMessage());
        assertTrue(error.getMessage().contains("occurredAt"), error.getMessage());
    }

    @Test
    void brokerCanBeStoppedAndStartedAgainOnTheSameAddressWithItsData() {
        String bootstrap = KafkaTestResource.bootstrapServers();
        KafkaEvents events = new KafkaEvents(bootstrap);
        String userId = UUID.randomUUID().toString();
        events.publish(new UrgeResisted(userId, UUID.randomUUID(), 3, Instant.now()), "/detach/test");

        KafkaTestResource.stopBroker();
        assertTrue(!KafkaTestResource.isRunning());
        KafkaTestResource.startBroker();

        assertEquals(bootstrap, KafkaTestResource.bootstrapServers());
        events.publish(new UrgeResisted(userId, UUID.randomUUID(), 4, Instant.now()), "/detach/test");
        List<ReceivedEvent> both = events.awaitCount(Topics.STREAK, KafkaEvents.key(userId), 2, Duration.ofSeconds(30));
        assertEquals(List.of(3, 4), both.stream().map(e -> e.data().get("intensity").asInt()).toList());
    }
}
