package app.detach.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class OutboxTest {

    private static final String URGE_RESISTED = EventType.URGE_RESISTED.type();

    @Inject
    Pool pool;

    @Inject
    OutboxPurge purge;

    private final KafkaEvents events = KafkaEvents.fromConfig();

    @Test
    void committedEventIsPublishedExactlyOnceAsACloudEvent() {
        String userId = UUID.randomUUID().toString();

        String urgeId = logUrge(userId, 6);

        ReceivedEvent event = events.await(Topics.STREAK, userId, URGE_RESISTED);
        List<OutboxRows.Row> rows = OutboxRows.forKey(pool, userId);
        assertEquals(1, rows.size());
        assertEquals(rows.get(0).id(), event.id());
        assertEquals("/detach/outbox-test", event.source());
        assertEquals(urgeId, event.subject());
        assertEquals(userId, event.key());
        assertNotNull(event.time());
        assertEquals(6, event.data().get("intensity").asInt());
        assertEquals(urgeId, event.data().get("urgeId").asText());
        events.assertExactly(Topics.STREAK, KafkaEvents.key(userId), 1, Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.forKey(pool, userId).get(0).sent());
    }

    @Test
    void rolledBackTransactionLeavesNoRowAndNoEvent() {
        String userId = UUID.randomUUID().toString();

        given().queryParam("userId", userId).queryParam("intensity", 4).queryParam("fail", true)
                .post("/test/urges")
                .then().statusCode(500);

        assertEquals(List.of(), OutboxRows.forKey(pool, userId));
        assertEquals(0, OutboxRows.urgesOf(pool, userId));
        events.assertNone(Topics.STREAK, KafkaEvents.key(userId), Duration.ofSeconds(1));
    }

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWereRecorded() {
        String userId = UUID.randomUUID().toString();
        List<Integer> intensities = List.of(3, 9, 1, 7, 5, 2);

        intensities.forEach(intensity -> logUrge(userId, intensity));

        List<ReceivedEvent> received = events.awaitCount(Topics.STREAK, KafkaEvents.key(userId), intensities.size(),
                Duration.ofSeconds(20));
        assertEquals(intensities, received.stream().map(e -> e.data().get("intensity").asInt()).toList());
    }

    @Test
    void manyRowsSentTogetherArriveOnceEachInOrderPerKey() {
        // 3 users x 40 interleaved rows recorded back to back: each relay run finds many rows and
        // sends them all at once
        List<String> users = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<Integer> expected = java.util.stream.IntStream.range(0, 40).map(i -> i % 10 + 1).boxed().toList();
        for (int intensity : expected) {
            users.forEach(userId -> logUrge(userId, intensity));
        }
        for (String userId : users) {
            List<ReceivedEvent> received = events.awaitCount(Topics.STREAK, KafkaEvents.key(userId), 40,
                    Duration.ofSeconds(30));
            assertEquals(expected, received.stream().map(e -> e.data().get("intensity").asInt()).toList(), userId);
            assertEquals(40, received.stream().map(ReceivedEvent::id).distinct().count(), "each event once");
            events.assertExactly(Topics.STREAK, KafkaEvents.key(userId), 40, Duration.ofMillis(500));
        }
    }

    @Test
    void dataThatBreaksTheSchemaFailsTheTransaction() {
        String userId = UUID.randomUUID().toString();

        given().queryParam("userId", userId).post("/test/urges/invalid").then().statusCode(500);

        assertEquals(List.of(), OutboxRows.forKey(pool, userId));
        assertEquals(0, OutboxRows.urgesOf(pool, userId));
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        String userId = UUID.randomUUID().toString();

        given().queryParam("userId", userId).post("/test/urges/without-transaction").then().statusCode(500);

        assertEquals(List.of(), OutboxRows.forKey(pool, userId));
    }

    @Test
    void processedEventsSaysFirstTimeOnlyOncePerConsumer() {
        String eventId = UUID.randomUUID().toString();

        assertEquals("true", processed("notification-service.streak", eventId, true));
        assertEquals("false", processed("notification-service.streak", eventId, true));
        assertEquals("true", processed("content-service.streak", eventId, true));
        given().queryParam("transaction", false).post("/test/processed/{c}/{e}", "journal-service.streak", eventId)
                .then().statusCode(500);
        assertEquals("true", processed("journal-service.streak", eventId, true));
    }

    @Test
    void purgeDeletesOnlySentRowsPastTheirRetention() {
        String oldUser = UUID.randomUUID().toString();
        String recentUser = UUID.randomUUID().toString();
        logUrge(oldUser, 2);
        logUrge(recentUser, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.forKey(pool, oldUser).get(0).sent()
                && OutboxRows.forKey(pool, recentUser).get(0).sent());
        pool.preparedQuery("UPDATE outbox SET sent_at = now() - interval '8 days' WHERE record_key = $1")
                .execute(Tuple.of(oldUser)).await().atMost(Duration.ofSeconds(10));

        int deleted = purge.purge().await().atMost(Duration.ofSeconds(10));

        assertTrue(deleted >= 1);
        assertEquals(List.of(), OutboxRows.forKey(pool, oldUser));
        assertEquals(1, OutboxRows.forKey(pool, recentUser).size());
    }

    @Test
    void purgeForgetsProcessedEventIdsPastTheirRetentionOnly() {
        String consumer = "purge-test-" + UUID.randomUUID();
        pool.preparedQuery("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES "
                        + "($1, 'old', now() - interval '31 days'), ($1, 'recent', now() - interval '29 days')")
                .execute(Tuple.of(consumer)).await().atMost(Duration.ofSeconds(10));

        int deleted = purge.purgeProcessed().await().atMost(Duration.ofSeconds(10));

        assertTrue(deleted >= 1);
        List<String> left = pool.preparedQuery("SELECT event_id FROM processed_event WHERE consumer = $1")
                .execute(Tuple.of(consumer)).await().atMost(Duration.ofSeconds(10))
                .stream().map(row -> row.getString("event_id")).toList();
        assertEquals(List.of("recent"), left);
    }

    @Test
    void pendingGaugeIsExported() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("# HELP detach_outbox_pending Outbox events not yet published to Kafka"))
                .body(matchesPattern("(?s).*\\ndetach_outbox_pending(\\{[^}]*\\})? [0-9.E]+\\n.*"));
    }

    private static String logUrge(String userId, int intensity) {
        String urgeId = given().queryParam("userId", userId).queryParam("intensity", intensity)
                .post("/test/urges")
                .then().statusCode(200).extract().as(String.class);
        assertTrue(urgeId.length() > 0);
        return urgeId;
    }

    private static String processed(String consumer, String eventId, boolean transaction) {
        return given().queryParam("transaction", transaction)
                .post("/test/processed/{c}/{e}", consumer, eventId)
                .then().statusCode(200).extract().asString();
    }
}
