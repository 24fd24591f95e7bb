package app.detach.streak.messaging;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.account.ErasureRequested;
import app.detach.streak.Api;
import app.detach.streak.TestClock;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ErasureTest {

    private static final String SOURCE = "/detach/gateway";
    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static final List<String> TABLES = List.of("streak_user", "streak", "contact", "urge", "milestone_emitted",
            "check_in", "readiness_check");

    private static int rowsOf(String user) throws Exception {
        int sum = 0;
        try (Connection c = TestDatabase.connect()) {
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE user_id = ?")) {
                    s.setString(1, user);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        sum += r.getInt(1);
                    }
                }
            }
        }
        return sum;
    }

    private void giveUserData(String user) {
        Api.start(user, Instant.now().minus(Duration.ofDays(20)), "Europe/Rome", null).statusCode(200);
        Api.contact(user, "I_CONTACTED", Instant.now().minus(Duration.ofDays(2)), "private words").statusCode(201);
        Api.urge(user, 6, null, "more private words").statusCode(201);
        Api.post(user, "/api/streak/check-ins", Map.of()).statusCode(201);
        Api.post(user, "/api/streak/readiness-checks", Map.of("answers", Map.of("hopes", "my own words")))
                .statusCode(201);
    }

    @Test
    void erasureDeletesEverythingOnceAndSaysSo() throws Exception {
        String user = "erase-" + UUID.randomUUID();
        String bystander = "stays-" + UUID.randomUUID();
        giveUserData(user);
        giveUserData(bystander);
        assertTrue(rowsOf(user) >= 7);

        ObjectNode data = new ObjectMapper().createObjectNode().put("userId", user).put("requestedAt", Instant.now().toString());
        String id = UUID.randomUUID().toString();
        events.publishRaw(Topics.ACCOUNT, user, EventType.ERASURE_REQUESTED.type(), SOURCE, user, data, id);
        events.publishRaw(Topics.ACCOUNT, user, EventType.ERASURE_REQUESTED.type(), SOURCE, user, data, id); // redelivery

        ReceivedEvent erased = events.await(Topics.ACCOUNT, user, EventType.DATA_ERASED.type());
        assertEquals("streak-service", erased.data().get("service").asText());
        assertEquals(0, rowsOf(user));
        // the erased account's token, still within its lifetime, is refused (ErasedAccountFilter)
        Api.get(user, "/api/streak").statusCode(401);
        Api.post(user, "/api/streak/urges", Map.of("intensity", 3)).statusCode(401);
        assertEquals(0, rowsOf(user));
        Api.get(bystander, "/api/streak").statusCode(200).body("urgesResisted", equalTo(1));
        events.assertExactly(Topics.ACCOUNT, KafkaEvents.keyAndType(user, EventType.DATA_ERASED.type()), 1,
                Duration.ofSeconds(1));

        // a second request (new id) for a user with nothing left is harmless and answered again
        events.publish(new ErasureRequested(user, Instant.now()), SOURCE);
        events.awaitCount(Topics.ACCOUNT, KafkaEvents.keyAndType(user, EventType.DATA_ERASED.type()), 2,
                Duration.ofSeconds(20));
    }

    @Test
    void aPoisonRecordIsParkedInTheDeadLetterTopicAndTheNextOneIsStillHandled() throws Exception {
        String poisoned = "poison-" + UUID.randomUUID();
        String user = "after-poison-" + UUID.randomUUID();
        giveUserData(user);
        ObjectNode invalid = new ObjectMapper().createObjectNode().put("userId", "").put("requestedAt", "yesterday");
        events.publishRaw(Topics.ACCOUNT, poisoned, EventType.ERASURE_REQUESTED.type(), SOURCE, poisoned, invalid,
                UUID.randomUUID().toString());
        events.publish(new ErasureRequested(user, Instant.now()), SOURCE);

        events.await(Topics.ACCOUNT, user, EventType.DATA_ERASED.type());
        ConsumerRecord<String, String> dead = awaitDeadLetter(poisoned);
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("requestedAt"),
                "reason names the invalid field");
        assertEquals(0, rowsOf(user));
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        String topic = Topics.deadLetter(Topics.ACCOUNT, "streak-service");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                if (consumer.assignment().isEmpty()) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    if (partitions.isEmpty()) {
                        return false;
                    }
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found[0] = r;
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }
}
