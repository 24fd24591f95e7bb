package app.detach.content.messaging;

import app.detach.content.today.Projection;
import app.detach.events.EventJson;
import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.account.ErasureRequested;
import app.detach.events.journal.EntryRecorded;
import app.detach.events.streak.StreakStarted;
import app.detach.events.streak.UrgeResisted;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.TestTokens;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConsumersTest {

    private static final String STREAK = "/detach/streak-service";

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String user = "redelivered-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        KafkaEvents events = KafkaEvents.fromConfig();
        for (int i = 0; i < 2; i++) {
            UrgeResisted urge = new UrgeResisted(user, UUID.randomUUID(), 3, Instant.now());
            events.publishRaw(Topics.STREAK, user, EventType.URGE_RESISTED.type(), STREAK, urge.subject(),
                    EventJson.toTree(urge), eventId);
        }
        // a later event of the same user proves both copies were consumed
        Projection.publishAndAwait(new UrgeResisted(user, UUID.randomUUID(), 2, Instant.now()), STREAK,
                StreakEventsConsumer.CONSUMER);
        assertEquals(2, Projection.count("SELECT count(*) FROM reader_urge WHERE user_id = ?", user));
    }

    @Test
    void anInvalidEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
        String user = "poison-" + UUID.randomUUID();
        ObjectNode invalid = JsonNodeFactory.instance.objectNode().put("userId", user).put("intensity", 42);
        KafkaEvents.fromConfig().publishRaw(Topics.STREAK, user, EventType.URGE_RESISTED.type(), STREAK, null,
                invalid, UUID.randomUUID().toString());
        // an event type we do not handle is skipped, not dead-lettered
        KafkaEvents.fromConfig().publishRaw(Topics.STREAK, user, "app.detach.streak.something-new", STREAK, null,
                JsonNodeFactory.instance.objectNode().put("userId", user), UUID.randomUUID().toString());

        ConsumerRecord<String, String> parked = awaitDeadLetter(Topics.deadLetter(Topics.STREAK, "content-service"), user);
        assertEquals(invalid.toString(), parked.value());
        String reason = header(parked, "dead-letter-reason");
        assertTrue(reason != null && reason.contains("intensity"), "reason: " + reason);

        Projection.publishAndAwait(new StreakStarted(user, UUID.randomUUID(), Instant.now(), "Europe/Paris"), STREAK,
                StreakEventsConsumer.CONSUMER);
        assertEquals(1, Projection.count("SELECT count(*) FROM reader_state WHERE user_id = ?", user));
        assertEquals(1, countDeadLetters(Topics.deadLetter(Topics.STREAK, "content-service"), user),
                "only the invalid record is parked, not the unknown type");
    }

    @Test
    void erasureDeletesTheReadersDataOnceAndSaysSo() throws Exception {
        String user = "erased-" + UUID.randomUUID();
        Projection.publishAndAwait(new StreakStarted(user, UUID.randomUUID(), Instant.now(), "Europe/Paris"), STREAK,
                StreakEventsConsumer.CONSUMER);
        Projection.publishAndAwait(new UrgeResisted(user, UUID.randomUUID(), 5, Instant.now()), STREAK,
                StreakEventsConsumer.CONSUMER);
        Projection.publishAndAwait(new EntryRecorded(UUID.randomUUID(), user, Instant.now(), 5, 1, List.of(), 0),
                "/detach/journal-service", JournalEventsConsumer.CONSUMER);
        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200);
        assertEquals(1, Projection.count("SELECT count(*) FROM reading_history WHERE user_id = ?", user));

        ErasureRequested request = new ErasureRequested(user, Instant.now());
        String eventId = Projection.publishAndAwait(request, "/detach/gateway", ErasureConsumer.CONSUMER);

        for (String table : List.of("reader_state", "reader_entry", "reader_urge", "reading_history")) {
            assertEquals(0, Projection.count("SELECT count(*) FROM " + table + " WHERE user_id = ?", user), table);
        }
        KafkaEvents events = KafkaEvents.fromConfig();
        ReceivedEvent erased = events.await(Topics.ACCOUNT, user, EventType.DATA_ERASED.type());
        assertEquals("content-service", erased.data().get("service").asText());
        assertEquals(user, erased.data().get("userId").asText());

        // the same request delivered again: nothing more happens
        events.publishRaw(Topics.ACCOUNT, user, EventType.ERASURE_REQUESTED.type(), "/detach/gateway", user,
                EventJson.toTree(request), eventId);
        events.assertExactly(Topics.ACCOUNT, KafkaEvents.keyAndType(user, EventType.DATA_ERASED.type()), 1,
                Duration.ofSeconds(3));
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String topic, String key) {
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                if (consumer.assignment().isEmpty()) {
                    var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                    if (partitions == null || partitions.isEmpty()) {
                        return false;
                    }
                    List<TopicPartition> tps = partitions.stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(tps);
                    consumer.seekToBeginning(tps);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.set(r);
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }

    private static int countDeadLetters(String topic, String key) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> tps = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            var end = consumer.endOffsets(tps);
            int count = 0;
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
