package app.detach.streak.settings;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.streak.Api;
import app.detach.streak.TestClock;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class DaySettingsTest {

    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<ReceivedEvent> settingsEvents(String user, int count) {
        return events.assertExactly(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.DAY_SETTINGS_CHANGED.type()),
                count, Duration.ofMillis(500));
    }

    @Test
    void settingsCanBeStoredBeforeAStreakAndAreAnnouncedWhenTheyChange() {
        String user = "settings-" + UUID.randomUUID();
        Api.get(user, "/api/streak/settings").statusCode(404);
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "PIN_HOME", 3, true)).statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("zoneMode", equalTo("PIN_HOME"))
                .body("dayStartHour", equalTo(3))
                .body("socialMediaCheckBreaks", equalTo(false))
                .body("limitedContact.enabled", equalTo(true));
        Api.get(user, "/api/streak/settings").statusCode(200).body("dayStartHour", equalTo(3))
                .body("limitedContact.enabled", equalTo(true));
        // no streak yet: the streak itself is still 404, a contact still 409
        Api.get(user, "/api/streak").statusCode(404);
        Api.contact(user, "I_CONTACTED", null, null).statusCode(409);
        // the same day settings again (limitedContact left out: it stays) announce nothing new
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "PIN_HOME", 3, null)).statusCode(200)
                .body("limitedContact.enabled", equalTo(true));
        ReceivedEvent first = settingsEvents(user, 1).get(0);
        assertEquals("Europe/Berlin", first.data().get("timeZone").asText());
        assertEquals("PIN_HOME", first.data().get("zoneMode").asText());
        assertEquals(3, first.data().get("dayStartHour").asInt());

        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "PIN_HOME", 5, false)).statusCode(200);
        assertEquals(5, settingsEvents(user, 2).get(1).data().get("dayStartHour").asInt());
    }

    @Test
    void badSettingsAreProblemsNamingTheField() {
        String user = "bad-settings-" + UUID.randomUUID();
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "FOLLOW_CURRENT", 7, null)).statusCode(400)
                .body("errors.field", hasItem(endsWith("dayStartHour")));
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "FOLLOW_CURRENT", -1, null)).statusCode(400)
                .body("errors.field", hasItem(endsWith("dayStartHour")));
        Api.put(user, "/api/streak/settings", Api.settings("Mars/Base", "FOLLOW_CURRENT", 0, null)).statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "WANDER", 0, null)).statusCode(400)
                .body("errors.field", hasItem(endsWith("zoneMode")));
        Api.put(user, "/api/streak/settings", Map.of("timeZone", "Europe/Berlin")).statusCode(400)
                .body("errors.field", hasItems(endsWith("zoneMode"), endsWith("dayStartHour"), endsWith("socialMediaCheckBreaks")));
        Api.put(user, "/api/streak/settings", Map.of("timeZone", "Europe/Berlin", "zoneMode", "PIN_HOME",
                "dayStartHour", 0, "socialMediaCheckBreaks", false, "limitedContact", Map.of())).statusCode(400)
                .body("errors.field", hasItem(endsWith("limitedContact.enabled")));
        Api.get(user, "/api/streak/settings").statusCode(404);
        events.assertNone(Topics.STREAK, KafkaEvents.key(user), Duration.ofMillis(300));
    }

    @Test
    void aLateDayStartKeepsTheNightInTheDayBefore() {
        String user = "late-" + UUID.randomUUID();
        // Berlin, CEST (UTC+2). Start 1 July 12:00 local; day ends at 03:00
        clock.set(Instant.parse("2026-07-01T10:00:00Z"));
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "PIN_HOME", 3, null)).statusCode(200);
        Api.start(user, Instant.parse("2026-07-01T10:00:00Z"), "Europe/Berlin", null).statusCode(200)
                .body("currentDays", equalTo(0))
                .body("dayStartHour", equalTo(3))
                .body("zoneMode", equalTo("PIN_HOME"))
                .body("nextMilestone.day", equalTo(1))
                .body("nextMilestone.at", equalTo("2026-07-02T01:00:00Z")); // 03:00 local
        clock.set(Instant.parse("2026-07-01T23:30:00Z")); // 01:30 local on 2 July: still 1 July for this user
        Api.get(user, "/api/streak").statusCode(200).body("currentDays", equalTo(0));
        clock.set(Instant.parse("2026-07-02T01:00:00Z")); // 03:00 local: day 1 begins
        Api.get(user, "/api/streak").statusCode(200).body("currentDays", equalTo(1));

        // back to midnight days at 02:00 local (00:00 UTC on 3 July): 3 July has begun, day 2
        clock.set(Instant.parse("2026-07-03T00:00:00Z"));
        Api.get(user, "/api/streak").statusCode(200).body("currentDays", equalTo(1));
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Berlin", "PIN_HOME", 0, null)).statusCode(200);
        Api.get(user, "/api/streak").statusCode(200).body("currentDays", equalTo(2))
                .body("nextMilestone.day", equalTo(3))
                .body("nextMilestone.at", equalTo("2026-07-03T22:00:00Z"));
        Api.get(user, "/api/streak/calendar?from=2026-07-01&to=2026-07-03").statusCode(200)
                .body("dayStartHour", equalTo(0))
                .body("days.status", equalTo(List.of("KEPT", "KEPT", "KEPT")));
    }

    @Test
    void followCurrentMovesTheZoneWithTheDeviceAndPinHomeDoesNot() {
        String follower = "follow-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-03-10T12:00:00Z"));
        Api.start(follower, Instant.parse("2026-03-01T12:00:00Z"), "Europe/London", null).statusCode(200)
                .body("zoneMode", equalTo("FOLLOW_CURRENT"));
        Api.post(follower, "/api/streak/urges", Map.of("intensity", 4, "timeZone", "Asia/Tokyo")).statusCode(201)
                .body("timeZone", equalTo("Asia/Tokyo"));
        Api.get(follower, "/api/streak").statusCode(200).body("timeZone", equalTo("Asia/Tokyo"))
                .body("currentDays", equalTo(9)); // 21:00 in Tokyo, still 10 March
        List<ReceivedEvent> moves = settingsEvents(follower, 2);
        assertEquals("Asia/Tokyo", moves.get(1).data().get("timeZone").asText());
        ReceivedEvent urge = events.await(Topics.STREAK, follower, EventType.URGE_RESISTED.type());
        assertEquals("Asia/Tokyo", urge.data().get("timeZone").asText());

        String pinned = "pinned-" + UUID.randomUUID();
        Api.start(pinned, Instant.parse("2026-03-01T12:00:00Z"), "Europe/London", null).statusCode(200);
        Api.put(pinned, "/api/streak/settings", Api.settings("Europe/London", "PIN_HOME", 0, null)).statusCode(200);
        Api.post(pinned, "/api/streak/contacts", Map.of("kind", "THEY_CONTACTED_IGNORED", "timeZone", "Asia/Tokyo"))
                .statusCode(201).body("timeZone", equalTo("Asia/Tokyo"));
        Api.get(pinned, "/api/streak").statusCode(200).body("timeZone", equalTo("Europe/London"));
        settingsEvents(pinned, 2); // the first settings and the switch to PIN_HOME, no move
        Api.post(pinned, "/api/streak/urges", Map.of("intensity", 4, "timeZone", "Moon/Base")).statusCode(400)
                .body("errors.field", hasItem("timeZone"));
    }
}
