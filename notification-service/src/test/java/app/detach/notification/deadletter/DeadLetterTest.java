package app.detach.notification.deadletter;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DeadLetterTest {

    static final String ADMIN = TestTokens.admin("admin-" + UUID.randomUUID());

    @Test
    void adminRoutesNeedTheAdminRole() {
        ServiceChecks.refusesUsersWithoutTheAdminRole("/api/admin/notifications/dead-letters");
        given().auth().oauth2(TestTokens.user("x")).post("/api/admin/notifications/dead-letters/" + UUID.randomUUID() + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).post("/api/admin/notifications/dead-letters/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPoisonRecordIsParkedWithItsReasonListedAndAReplayOfItFailsAgain() {
        String user = "p-" + UUID.randomUUID();
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("userId", user).put("streakId", UUID.randomUUID().toString())
                .put("reachedAt", Instant.now().toString()); // no "day": violates the schema
        String id = UUID.randomUUID().toString();
        KafkaEvents.fromConfig().publishRaw(Topics.STREAK, user, EventType.MILESTONE_REACHED.type(), Events.SOURCE,
                "s", data, id);

        // the connector parked it on our dead-letter topic with the reason; the admin API lists it
        Map<String, Object> letter = awaitLetter(id);
        assertEquals(Topics.STREAK, letter.get("topic"));
        assertEquals(Topics.deadLetter(Topics.STREAK, "notification-service"), letter.get("deadLetterTopic"));
        assertEquals(user, letter.get("key"));
        assertEquals(EventType.MILESTONE_REACHED.type(), letter.get("eventType"));
        assertTrue(((String) letter.get("reason")).contains("day"), () -> "reason: " + letter.get("reason"));

        given().auth().oauth2(ADMIN).post("/api/admin/notifications/dead-letters/" + letter.get("id") + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("day"));
        assertEquals(List.of(), Api.messages(user));

        // the consumer went on after the poison record
        Events.publish(Events.milestone(user, 1));
        Api.awaitMessages(user, l -> l.size() == 1);
    }

    @Test
    void aRecordThatFailedOnBadStateIsProcessedByAReplayOnceTheStateIsFixed() {
        String user = "r-" + UUID.randomUUID();
        // stored preferences with a zone this JVM does not know (say, written by a newer version)
        TestDatabase.update("INSERT INTO preference (user_id, time_zone, check_in_enabled, check_in_time, channel_in_app,"
                + " channel_email, new_guides, updated_at) VALUES (?, 'Mars/Olympus', false, '20:00', true, false, false, now())", user);
        String id = Events.publish(Events.urge(user));
        Map<String, Object> letter = awaitLetter(id);
        assertEquals(List.of(), Api.messages(user));

        Api.putPreferences(user, "{\"timeZone\":\"Europe/Paris\",\"dailyCheckIn\":{\"enabled\":false,\"localTime\":\"20:00\"},"
                + "\"channels\":{\"inApp\":true,\"email\":false}}");
        given().auth().oauth2(ADMIN).post("/api/admin/notifications/dead-letters/" + letter.get("id") + "/replay")
                .then().statusCode(200)
                .body("replayedAt", notNullValue());
        List<Map<String, Object>> inbox = Api.messages(user);
        assertEquals(1, inbox.size());
        assertEquals("urge-resisted", inbox.get(0).get("kind"));

        // replaying again is harmless: the event is already processed
        given().auth().oauth2(ADMIN).post("/api/admin/notifications/dead-letters/" + letter.get("id") + "/replay")
                .then().statusCode(200);
        assertEquals(1, Api.messages(user).size());
    }

    static Map<String, Object> awaitLetter(String eventId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonPath page = given().auth().oauth2(ADMIN).get("/api/admin/notifications/dead-letters?limit=100")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            return items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }
}
