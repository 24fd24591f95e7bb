package app.detach.journal.messaging;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.account.ErasureRequested;
import app.detach.events.streak.DaySettingsChanged;
import app.detach.events.streak.StreakStarted;
import app.detach.journal.JournalApi;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.restassured.http.ContentType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ErasureConsumerTest {

    private static final String GATEWAY = "/detach/gateway";
    private final KafkaEvents events = KafkaEvents.fromConfig();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void erasureDeletesEverythingOfTheUserDestroysTheKeyAndAnswersDataErased() throws Exception {
        String userId = "erase-me-" + UUID.randomUUID();
        String otherUser = "keep-me-" + UUID.randomUUID();
        JournalApi api = JournalApi.as(userId);
        api.create("one", 5, 5, "sad");
        api.create("two", 6, 4);
        api.get("/api/journal/prompts/today", Map.of()).statusCode(200);
        events.publish(new StreakStarted(userId, UUID.randomUUID(), Instant.now(), "Europe/Paris"), "/detach/streak-service");
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("streak_state", userId) == 1);
        String token = TestTokens.user(userId);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("body", "unsent"))
                .post("/api/journal/drafts").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reasons", List.of("mine")))
                .put("/api/journal/reasons").then().statusCode(200);
        events.publish(new DaySettingsChanged(userId, "Asia/Tokyo", DaySettingsChanged.PIN_HOME, 3, Instant.now()),
                "/detach/streak-service");
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("day_settings", userId) == 1);
        JournalApi.as(otherUser).create("stays", 5, 5);

        events.publish(new ErasureRequested(userId, Instant.now()), GATEWAY);

        ReceivedEvent erased = events.await(Topics.ACCOUNT, KafkaEvents.keyAndType(userId, EventType.DATA_ERASED.type()),
                Duration.ofSeconds(30));
        assertEquals("journal-service", erased.data().get("service").asText());
        assertEquals(userId, erased.data().get("userId").asText());
        for (String table : new String[] {"journal_entry", "user_key", "streak_state", "prompt_pick",
                "journal_draft", "journal_reasons", "day_settings"}) {
            assertEquals(0, rows(table, userId), table + " still holds rows of the erased user");
        }
        JournalApi.as(otherUser).list(Map.of()).statusCode(200).body("items", hasSize(1));
        assertEquals(1, rows("user_key", otherUser));
    }

    @Test
    void theTokenOfAnErasedAccountIsRefusedEvenWithinItsLifetime() throws Exception {
        String userId = "erased-token-" + UUID.randomUUID();
        String token = TestTokens.user(userId);
        JournalApi.as(userId).create("before", 5, 5);
        events.publish(new ErasureRequested(userId, Instant.now()), GATEWAY);
        events.await(Topics.ACCOUNT, KafkaEvents.keyAndType(userId, EventType.DATA_ERASED.type()), Duration.ofSeconds(30));

        // the token was issued before the erasure and has not expired: it must not bring rows back,
        // neither by a write nor by a read that records something (today's prompt is remembered)
        JournalApi.as(userId).post(JournalApi.entry("after the erasure", 5, 5)).statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("status", equalTo(401))
                .body("detail", containsString("deleted"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reasons", List.of("again")))
                .put("/api/journal/reasons").then().statusCode(401);
        given().auth().oauth2(token).get("/api/journal/prompts/today").then().statusCode(401);
        given().auth().oauth2(token).get("/api/journal/entries").then().statusCode(401);
        for (String table : new String[] {"journal_entry", "user_key", "prompt_pick", "journal_reasons"}) {
            assertEquals(0, rows(table, userId), table + " has rows of the erased user again");
        }
        // everyone else is served as before
        JournalApi.as("still-here-" + UUID.randomUUID()).create("fine", 5, 5);
    }

    @Test
    void aRedeliveredErasureIsProcessedOnce() throws Exception {
        String userId = "twice-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = json.writeValueAsString(Map.of("userId", userId, "requestedAt", Instant.now().toString()));
        JournalApi api = JournalApi.as(userId);
        api.create("before", 5, 5);

        events.publishRaw(Topics.ACCOUNT, userId, EventType.ERASURE_REQUESTED.type(), GATEWAY, userId,
                json.readTree(data), eventId);
        events.await(Topics.ACCOUNT, KafkaEvents.keyAndType(userId, EventType.DATA_ERASED.type()), Duration.ofSeconds(30));
        // the same event arrives a second time: it must change nothing
        events.publishRaw(Topics.ACCOUNT, userId, EventType.ERASURE_REQUESTED.type(), GATEWAY, userId,
                json.readTree(data), eventId);
        String marker = "later-" + UUID.randomUUID();
        events.publish(new ErasureRequested(marker, Instant.now()), GATEWAY);
        // once the consumer has handled an event published after the duplicate, the duplicate was handled too
        events.await(Topics.ACCOUNT, KafkaEvents.keyAndType(marker, EventType.DATA_ERASED.type()), Duration.ofSeconds(30));

        events.assertExactly(Topics.ACCOUNT, KafkaEvents.keyAndType(userId, EventType.DATA_ERASED.type()), 1,
                Duration.ofMillis(500));
        assertEquals(1, rows("erased_user", userId));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndDoNotBlockTheNextOnes() throws Exception {
        String invalid = "poison-" + UUID.randomUUID();
        events.publishRaw(Topics.ACCOUNT, invalid, EventType.ERASURE_REQUESTED.type(), GATEWAY, invalid,
                json.readTree("{\"requestedAt\":\"yesterday\"}"), UUID.randomUUID().toString());

        ConsumerRecord<String, String> parked = DeadLetters.await(Topics.deadLetter(Topics.ACCOUNT, "journal-service"),
                invalid, Duration.ofSeconds(30));
        assertThat(DeadLetters.header(parked, "dead-letter-reason"), containsString("userId"));

        String next = "after-poison-" + UUID.randomUUID();
        events.publish(new ErasureRequested(next, Instant.now()), GATEWAY);
        events.await(Topics.ACCOUNT, KafkaEvents.keyAndType(next, EventType.DATA_ERASED.type()), Duration.ofSeconds(30));
    }

    @Test
    void eventsOfOtherTypesOnTheTopicAreIgnored() throws Exception {
        String userId = "other-type-" + UUID.randomUUID();
        JournalApi.as(userId).create("stays", 5, 5);
        events.publishRaw(Topics.ACCOUNT, userId, "app.detach.account.something-new", GATEWAY, userId,
                json.readTree("{\"userId\":\"" + userId + "\"}"), UUID.randomUUID().toString());
        String marker = "after-other-" + UUID.randomUUID();
        events.publish(new ErasureRequested(marker, Instant.now()), GATEWAY);
        events.await(Topics.ACCOUNT, KafkaEvents.keyAndType(marker, EventType.DATA_ERASED.type()), Duration.ofSeconds(30));
        assertEquals(1, rows("journal_entry", userId));
    }

    static long rows(String table, String userId) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
