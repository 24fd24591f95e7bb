package app.detach.streak.archive;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.account.ErasureRequested;
import app.detach.streak.Api;
import app.detach.streak.TestClock;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class ArchiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A user with a bit of everything; the clock stands at 2026-06-30T12:00Z afterwards. */
    private void giveHistory(String user) {
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Vienna", "PIN_HOME", 2, true)).statusCode(200);
        Api.start(user, Instant.parse("2026-05-01T08:00:00Z"), "Europe/Vienna", null).statusCode(200);
        Api.post(user, "/api/streak/contacts", Map.of("kind", "I_CONTACTED", "occurredAt", "2026-05-20T18:00:00Z",
                "note", "a long message at night", "timeZone", "Europe/Vienna")).statusCode(201);
        Api.post(user, "/api/streak/contacts", Map.of("kind", "NECESSARY_CONTACT", "purpose", "CO_PARENTING"))
                .statusCode(201);
        Api.post(user, "/api/streak/urges", Map.of("intensity", 7, "note", "after the wedding photos",
                "timeZone", "Europe/Lisbon")).statusCode(201);
        Api.post(user, "/api/streak/check-ins", Map.of()).statusCode(201);
        Api.post(user, "/api/streak/readiness-checks", Map.of("answers", Map.of("hopes", "just peace", "settled", 3)))
                .statusCode(201);
        clock.set(Instant.parse("2026-06-30T12:00:00Z"));
    }

    private String archiveOf(String user) {
        return Api.get(user, "/api/streak/archive").statusCode(200).extract().asString();
    }

    @Test
    void theArchiveHoldsEverythingAndRestoresIntoAnEmptyAccount() throws Exception {
        String user = "archive-" + UUID.randomUUID();
        String twin = "twin-" + UUID.randomUUID();
        giveHistory(user);
        String archive = archiveOf(user);
        JsonNode a = JSON.readTree(archive);
        assertEquals(1, a.get("version").asInt());
        assertEquals("PIN_HOME", a.at("/settings/zoneMode").asText());
        assertEquals(2, a.at("/settings/dayStartHour").asInt());
        assertEquals(true, a.at("/settings/limitedContact/enabled").asBoolean());
        assertEquals(2, a.get("streaks").size());
        assertEquals("CONTACT", a.at("/streaks/0/endedBy").asText());
        assertEquals(a.at("/contacts/0/contactId"), a.at("/streaks/0/contactId"));
        assertEquals("a long message at night", a.at("/contacts/0/note").asText());
        assertEquals("CO_PARENTING", a.at("/contacts/1/purpose").asText());
        assertEquals("Europe/Lisbon", a.at("/urges/0/timeZone").asText());
        assertEquals("2026-06-01", a.at("/checkIns/0/localDate").asText());
        assertEquals("just peace", a.at("/readinessChecks/0/answers/hopes").asText());

        Api.post(twin, "/api/streak/archive", archive).statusCode(201)
                .body("restored.settings", equalTo(1))
                .body("restored.streaks", equalTo(2))
                .body("restored.contacts", equalTo(2))
                .body("restored.urges", equalTo(1))
                .body("restored.checkIns", equalTo(1))
                .body("restored.readinessChecks", equalTo(1));
        String original = Api.get(user, "/api/streak").statusCode(200).extract().asString();
        JsonNode o = JSON.readTree(original);
        Api.get(twin, "/api/streak").statusCode(200)
                .body("currentDays", equalTo(o.get("currentDays").asInt()))
                .body("longestDays", equalTo(o.get("longestDays").asInt()))
                .body("startedAt", equalTo("2026-05-20T18:00:00Z"))
                .body("urgesResisted", equalTo(1))
                .body("dayStartHour", equalTo(2))
                .body("streakId", not(equalTo(o.get("streakId").asText())));
        // the same history, new ids, references kept
        JsonNode b = JSON.readTree(archiveOf(twin));
        assertEquals(strip(a), strip(b));
        assertEquals(b.at("/contacts/0/contactId"), b.at("/streaks/0/contactId"));
        assertNotEquals(a.at("/contacts/0/contactId"), b.at("/contacts/0/contactId"));

        // projections hear about the settings and the current streak, nothing about the past
        ReceivedEvent settings = events.await(Topics.STREAK, twin, EventType.DAY_SETTINGS_CHANGED.type());
        assertEquals(2, settings.data().get("dayStartHour").asInt());
        ReceivedEvent started = events.await(Topics.STREAK, twin, EventType.STREAK_STARTED.type());
        assertEquals("2026-05-20T18:00:00Z", started.data().get("startedAt").asText());
        events.assertExactly(Topics.STREAK, KafkaEvents.key(twin), 2, Duration.ofSeconds(2));

        // only into an empty account
        Api.post(twin, "/api/streak/archive", archive).statusCode(409);
        Api.post(user, "/api/streak/archive", archive).statusCode(409);
        String reader = "reader-" + UUID.randomUUID();
        Api.post(reader, "/api/streak/readiness-checks", Map.of("answers", Map.of("settled", 4))).statusCode(201);
        Api.post(reader, "/api/streak/archive", archive).statusCode(409);
    }

    @Test
    void exportEraseImportRoundTrip() {
        String user = "roundtrip-" + UUID.randomUUID();
        giveHistory(user);
        String archive = archiveOf(user);
        events.publish(new ErasureRequested(user, Instant.now()), "/detach/gateway");
        events.await(Topics.ACCOUNT, user, EventType.DATA_ERASED.type());
        Api.get(user, "/api/streak/archive").statusCode(401);

        // the archive goes into the new account (Keycloak never issues an erased subject again)
        String newAccount = "roundtrip-new-" + UUID.randomUUID();
        Api.get(newAccount, "/api/streak/settings").statusCode(404);
        Api.post(newAccount, "/api/streak/archive", archive).statusCode(201).body("restored.streaks", equalTo(2));
        Api.get(newAccount, "/api/streak/history").statusCode(200).body("items", hasSize(1))
                .body("items[0].endedBy", equalTo("CONTACT"));
        Api.get(newAccount, "/api/streak/readiness-checks").statusCode(200).body("items[0].answers.hopes", equalTo("just peace"));
    }

    @Test
    void anEmptyArchiveRestoresNothingAndBadOnesAreProblems() throws Exception {
        String user = "bad-archive-" + UUID.randomUUID();
        ObjectNode empty = JSON.createObjectNode().put("version", 1).putNull("settings");
        for (String list : List.of("streaks", "contacts", "urges", "checkIns", "readinessChecks")) {
            empty.putArray(list);
        }
        ObjectNode v2 = empty.deepCopy().put("version", 2);
        Api.post(user, "/api/streak/archive", v2.toString()).statusCode(400).body("errors.field", hasItem(
                org.hamcrest.Matchers.endsWith("version")));

        ObjectNode noSettings = empty.deepCopy();
        ((ArrayNode) noSettings.get("urges")).addObject().put("urgeId", UUID.randomUUID().toString())
                .put("intensity", 3).put("occurredAt", "2026-01-01T00:00:00Z");
        Api.post(user, "/api/streak/archive", noSettings.toString()).statusCode(400)
                .body("errors.field", hasItem("settings"));

        ObjectNode twoCurrent = empty.deepCopy();
        twoCurrent.set("settings", JSON.valueToTree(Api.settings("Mars/Dome", "PIN_HOME", 0, null)));
        for (int i = 0; i < 2; i++) {
            ((ArrayNode) twoCurrent.get("streaks")).addObject().put("streakId", UUID.randomUUID().toString())
                    .put("startedAt", "2026-01-01T00:00:00Z").put("startDate", "2026-01-01");
        }
        Api.post(user, "/api/streak/archive", twoCurrent.toString()).statusCode(400)
                .body("errors.field", hasItem("streaks"))
                .body("errors.field", hasItem("settings.timeZone"));

        ObjectNode badAnswer = empty.deepCopy();
        ((ArrayNode) badAnswer.get("readinessChecks")).addObject().put("id", UUID.randomUUID().toString())
                .put("createdAt", "2026-01-01T00:00:00Z").putObject("answers").put("settled", 9);
        Api.post(user, "/api/streak/archive", badAnswer.toString()).statusCode(400)
                .body("errors.field", hasItem("readinessChecks[0].answers.settled"));
        Api.post(user, "/api/streak/archive", "{\"version\":1}").statusCode(400);
        Api.post(user, "/api/streak/archive", "[1,2]").statusCode(400);

        Api.post(user, "/api/streak/archive", empty.toString()).statusCode(201)
                .body("restored.settings", equalTo(0)).body("restored.streaks", equalTo(0));
        events.assertNone(Topics.STREAK, KafkaEvents.key(user), Duration.ofMillis(300));
    }

    /** The archive without ids (they are new after a restore). */
    private static JsonNode strip(JsonNode archive) {
        JsonNode copy = archive.deepCopy();
        for (String list : List.of("streaks", "contacts", "urges", "checkIns", "readinessChecks")) {
            copy.get(list).forEach(item -> ((ObjectNode) item).remove(
                    List.of("streakId", "contactId", "urgeId", "checkInId", "id", "readinessCheckId")));
        }
        return copy;
    }
}
