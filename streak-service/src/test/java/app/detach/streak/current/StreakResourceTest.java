package app.detach.streak.current;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.streak.Api;
import app.detach.streak.TestClock;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class StreakResourceTest {

    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/streak");
    }

    @Test
    void aUserWithoutAStreakGets404ProblemJson() {
        given().auth().oauth2(TestTokens.user("nobody-" + UUID.randomUUID()))
                .get("/api/streak")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", containsString("No streak started yet"))
                .body("instance", equalTo("/api/streak"));
    }

    @Test
    void startsAStreakAndCountsDaysInTheUsersZone() {
        String user = "start-" + UUID.randomUUID();
        // 3 March 2026, 10:00 in Berlin; started 1 March 23:30 local (22:30Z)
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        Api.start(user, Instant.parse("2026-03-01T22:30:00Z"), "Europe/Berlin", null).statusCode(200)
                .body("currentDays", equalTo(2))
                .body("startedAt", equalTo("2026-03-01T22:30:00Z"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("socialMediaCheckBreaks", equalTo(false))
                .body("longestDays", equalTo(2))
                .body("totalNoContactDays", equalTo(2))
                .body("urgesResisted", equalTo(0))
                .body("lastContactAt", equalTo(null))
                .body("nextMilestone.day", equalTo(3))
                .body("nextMilestone.at", equalTo("2026-03-03T23:00:00Z"));

        clock.set(Instant.parse("2026-03-03T23:00:00Z"));
        String streakId = Api.get(user, "/api/streak").statusCode(200)
                .body("currentDays", equalTo(3))
                .body("nextMilestone.day", equalTo(7))
                .extract().path("streakId");

        ReceivedEvent started = events.await(Topics.STREAK, user, EventType.STREAK_STARTED.type());
        assertEquals(streakId, started.subject());
        assertEquals("2026-03-01T22:30:00Z", started.data().get("startedAt").asText());
        assertEquals("Europe/Berlin", started.data().get("timeZone").asText());
    }

    @Test
    void aStreakStartedTodayIsDayZero() {
        String user = "today-" + UUID.randomUUID();
        Instant now = clock.set(Instant.parse("2026-06-10T12:00:00Z"));
        Api.start(user, now, "Australia/Sydney", true).statusCode(200)
                .body("currentDays", equalTo(0))
                .body("socialMediaCheckBreaks", equalTo(true))
                .body("nextMilestone.day", equalTo(1))
                .body("nextMilestone.at", equalTo("2026-06-10T14:00:00Z")); // midnight AEST
    }

    @Test
    void refusesInvalidStarts() {
        String user = "invalid-" + UUID.randomUUID();
        Instant now = clock.set(Instant.parse("2026-05-01T12:00:00Z"));
        Api.start(user, now.plusSeconds(60), "Europe/Paris", null).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("startedAt"))
                .body("errors.message", hasItem("must not be in the future"));
        Api.start(user, now.minus(Duration.ofDays(366)), "Europe/Paris", null).statusCode(400)
                .body("errors.field", hasItem("startedAt"))
                .body("errors.message", hasItem(containsString("365 days")));
        Api.start(user, now, "Mars/Olympus_Mons", null).statusCode(400)
                .body("errors.field", hasItem("timeZone"))
                .body("errors.message", hasItem(containsString("'Mars/Olympus_Mons' is not an IANA time zone")));
        Api.start(user, now, "+02:00", null).statusCode(400).body("errors.field", hasItem("timeZone"));
        Api.start(user, null, "Europe/Paris", null).statusCode(400).body("errors.field", hasItem(containsString("startedAt")));
        Api.start(user, now, null, null).statusCode(400).body("errors.field", hasItem(containsString("timeZone")));
        given().auth().oauth2(TestTokens.user(user)).contentType("application/json")
                .body("{\"startedAt\":\"yesterday\",\"timeZone\":\"Europe/Paris\"}")
                .put("/api/streak").then().statusCode(400).body("errors.field", hasItem(containsString("startedAt")));
        given().auth().oauth2(TestTokens.user(user)).contentType("application/json")
                .body("{\"startedAt\":\"" + now + "\",\"timeZone\":\"Europe/Paris\",\"mood\":3}")
                .put("/api/streak").then().statusCode(400).body("errors.field", hasItem(containsString("mood")));
        Api.get(user, "/api/streak").statusCode(404);
        events.assertNone(Topics.STREAK, KafkaEvents.key(user), Duration.ofMillis(300));
    }

    @Test
    void theSameStartWithAnotherZoneChangesSettingsButNotTheStreak() {
        String user = "zone-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-01-10T12:00:00Z"));
        String streakId = Api.start(user, Instant.parse("2026-01-01T12:00:00Z"), "Europe/Berlin", null)
                .statusCode(200).body("currentDays", equalTo(9)).extract().path("streakId");

        // moving to Kiritimati (UTC+14): it is already 11 January there, the start date stays 1 January
        Api.start(user, Instant.parse("2026-01-01T12:00:00Z"), "Pacific/Kiritimati", true).statusCode(200)
                .body("streakId", equalTo(streakId))
                .body("timeZone", equalTo("Pacific/Kiritimati"))
                .body("socialMediaCheckBreaks", equalTo(true))
                .body("currentDays", equalTo(10))
                .body("nextMilestone.day", equalTo(14))
                .body("nextMilestone.at", equalTo("2026-01-14T10:00:00Z"));
        Api.get(user, "/api/streak/history").statusCode(200).body("items", hasSize(0));
        events.assertExactly(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.STREAK_STARTED.type()), 1,
                Duration.ofMillis(500));
        // the first settings, then the zone change: other services count days in the new zone
        List<ReceivedEvent> settings = events.assertExactly(Topics.STREAK,
                KafkaEvents.keyAndType(user, EventType.DAY_SETTINGS_CHANGED.type()), 2, Duration.ofMillis(300));
        assertEquals("Europe/Berlin", settings.get(0).data().get("timeZone").asText());
        assertEquals("Pacific/Kiritimati", settings.get(1).data().get("timeZone").asText());
        assertEquals("FOLLOW_CURRENT", settings.get(1).data().get("zoneMode").asText());
        assertEquals(0, settings.get(1).data().get("dayStartHour").asInt());
    }

    @Test
    void aLaterStartRestartsAndAnEarlierOneIsRefused() {
        String user = "restart-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-04-20T12:00:00Z"));
        String first = Api.start(user, Instant.parse("2026-04-01T08:00:00Z"), "America/New_York", null)
                .statusCode(200).extract().path("streakId");
        String second = Api.start(user, Instant.parse("2026-04-15T08:00:00Z"), "America/New_York", null)
                .statusCode(200)
                .body("streakId", not(equalTo(first)))
                .body("currentDays", equalTo(5))
                .body("longestDays", equalTo(14))
                .body("totalNoContactDays", equalTo(19))
                .extract().path("streakId");
        Api.get(user, "/api/streak/history").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].streakId", equalTo(first))
                .body("items[0].endedBy", equalTo("RESTARTED"))
                .body("items[0].days", equalTo(14))
                .body("current.streakId", equalTo(second));

        Api.start(user, Instant.parse("2026-04-10T08:00:00Z"), "America/New_York", null).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("before the current streak's start"));
        events.awaitCount(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.STREAK_STARTED.type()), 2,
                Duration.ofSeconds(20));
        events.assertNone(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.STREAK_RESET.type()),
                Duration.ofMillis(300));
    }

    @Test
    void nobodyReadsOrChangesAnotherUsersStreak() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-02-10T12:00:00Z"));
        String aliceStreak = Api.start(alice, Instant.parse("2026-02-01T12:00:00Z"), "Europe/Berlin", null)
                .statusCode(200).extract().path("streakId");

        // bob has no streak: every read is 404, every write that needs a streak is 409 — nothing of alice's leaks
        Api.get(bob, "/api/streak").statusCode(404);
        Api.get(bob, "/api/streak/history").statusCode(404);
        Api.get(bob, "/api/streak/calendar").statusCode(404);
        Api.get(bob, "/api/streak/milestones").statusCode(404);
        Api.contact(bob, "I_CONTACTED", null, null).statusCode(409);
        Api.urge(bob, 5, null, null).statusCode(409);

        // bob's own streak and slip leave alice's untouched
        Api.start(bob, Instant.parse("2026-02-05T12:00:00Z"), "Europe/Berlin", null).statusCode(200)
                .body("streakId", not(equalTo(aliceStreak)));
        Api.contact(bob, "I_CONTACTED", null, null).statusCode(201).body("brokeStreak", equalTo(true));
        Api.urge(bob, 7, null, null).statusCode(201);
        Api.get(alice, "/api/streak").statusCode(200)
                .body("streakId", equalTo(aliceStreak))
                .body("currentDays", equalTo(9))
                .body("urgesResisted", equalTo(0))
                .body("lastContactAt", equalTo(null));
        Api.get(alice, "/api/streak/history").statusCode(200).body("items", hasSize(0));
        Api.get(alice, "/api/streak/milestones").statusCode(200).body("streakId", equalTo(aliceStreak))
                .body("celebrated", hasSize(0));
        // the user id comes from the token only: a body naming another user is refused as an unknown field
        given().auth().oauth2(TestTokens.user(bob)).contentType("application/json")
                .body("{\"kind\":\"I_CONTACTED\",\"userId\":\"" + alice + "\"}")
                .post("/api/streak/contacts").then().statusCode(400);
        Api.get(alice, "/api/streak").statusCode(200).body("streakId", equalTo(aliceStreak))
                .body("startedAt", notNullValue());
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/streak");
    }
}
