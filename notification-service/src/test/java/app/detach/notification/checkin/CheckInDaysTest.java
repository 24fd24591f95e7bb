package app.detach.notification.checkin;

import app.detach.events.streak.CheckedIn;
import app.detach.events.streak.DaySettingsChanged;
import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.notification.TestClock;
import app.detach.notification.rule.Texts;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.detach.notification.checkin.CheckInSchedulerTest.nextCheckIn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The check-in in the user's days: skipped after a check-in, rescheduled with the day settings, snoozed. */
@QuarkusTest
class CheckInDaysTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theNewRoutesNeedAToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/notifications/archive");
        given().post("/api/notifications/check-in/snooze").then().statusCode(401);
    }

    @Test
    void aDayWithACheckInGetsNoReminder() throws SQLException {
        String user = "checked-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-07-01T08:00:00Z"));
        Api.putPreferences(user, Api.preferences("America/New_York", null, true, "09:00", false));
        awaitProcessed(Events.publish(checkedIn(user, "2026-07-01")));

        clock.set(Instant.parse("2026-07-01T13:00:05Z")); // 09:00 in New York
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Instant.parse("2026-07-02T13:00:00Z").equals(nextCheckIn(user)));
        assertEquals(List.of(), Api.messages(user));

        clock.set(Instant.parse("2026-07-02T13:00:05Z")); // the next day has no check-in yet
        Api.awaitMessages(user, l -> l.size() == 1);
    }

    @Test
    void aCheckInWithdrawsAReminderStillWaitingForTheEndOfQuietHoursButNotOneAlreadyShown() throws SQLException {
        String user = "withdrawn-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-07-01T08:00:00Z"));
        Api.putPreferences(user, Api.preferences("America/New_York", "{\"start\":\"08:30\",\"end\":\"10:00\"}", true,
                "09:00", false));
        clock.set(Instant.parse("2026-07-01T13:00:05Z")); // 09:00 New York, quiet until 10:00
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> rows("SELECT count(*) FROM notification WHERE user_id = ?", user) == 1);
        awaitProcessed(Events.publish(checkedIn(user, "2026-07-01")));
        assertEquals(0, rows("SELECT count(*) FROM notification WHERE user_id = ?", user));
        clock.set(Instant.parse("2026-07-01T14:30:00Z"));
        assertEquals(List.of(), Api.messages(user));

        // the next day it was shown before the check-in: it stays, nothing more is sent
        clock.set(Instant.parse("2026-07-02T14:05:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Instant.parse("2026-07-03T13:00:00Z").equals(nextCheckIn(user)));
        Api.awaitMessages(user, l -> l.size() == 1);
        awaitProcessed(Events.publish(checkedIn(user, "2026-07-02")));
        assertEquals(1, Api.messages(user).size());
    }

    @Test
    void daySettingsMoveTheScheduleToTheirZoneAndTheCheckInBelongsToTheUsersDay() throws SQLException {
        String user = "late-night-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-07-01T00:00:00Z"));
        Api.putPreferences(user, Api.preferences("UTC", null, true, "01:00", false));
        assertEquals(Instant.parse("2026-07-01T01:00:00Z"), nextCheckIn(user));

        // the user lives in Tokyo and their day ends at 03:00: 01:00 on the 2nd still belongs to the 1st
        awaitProcessed(Events.publish(new DaySettingsChanged(user, "Asia/Tokyo", DaySettingsChanged.FOLLOW_CURRENT, 3,
                Instant.parse("2026-07-01T00:00:00Z"))));
        assertEquals(Instant.parse("2026-07-01T16:00:00Z"), nextCheckIn(user), "01:00 in Tokyo");
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo")).body("dayStartHour", equalTo(3))
                .body("dailyCheckIn.localTime", equalTo("01:00"));

        awaitProcessed(Events.publish(checkedIn(user, "2026-07-01")));
        clock.set(Instant.parse("2026-07-01T16:00:05Z"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Instant.parse("2026-07-02T16:00:00Z").equals(nextCheckIn(user)));
        assertEquals(List.of(), Api.messages(user), "the check-in of the user's 1 July was already done");

        clock.set(Instant.parse("2026-07-02T16:00:05Z"));
        Api.awaitMessages(user, l -> l.size() == 1);
        assertEquals(1, rows("SELECT count(*) FROM notification WHERE user_id = ? AND source_key = 'check-in:2026-07-02'",
                user));

        // the urge message's "once a day" is the user's day too: 02:30 in Tokyo on the 3rd is still the 2nd
        clock.set(Instant.parse("2026-07-02T17:30:00Z"));
        awaitProcessed(Events.publish(Events.urge(user)));
        assertEquals(1, rows("SELECT count(*) FROM notification WHERE user_id = ? AND source_key = 'urge:2026-07-02'",
                user));

        // an older change arriving late is ignored
        awaitProcessed(Events.publish(new DaySettingsChanged(user, "UTC", DaySettingsChanged.PIN_HOME, 0,
                Instant.parse("2026-06-30T00:00:00Z"))));
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences").then()
                .body("timeZone", equalTo("Asia/Tokyo")).body("dayStartHour", equalTo(3));
    }

    @Test
    void snoozeBringsTodaysCheckInBackAnHourLaterUntilTheUserChecksIn() throws SQLException {
        String user = "snoozer-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-07-01T08:00:00Z"));
        Api.putPreferences(user, Api.preferences("America/New_York", null, true, "09:00", false));
        snooze(user).statusCode(409).contentType("application/problem+json");

        clock.set(Instant.parse("2026-07-01T13:00:05Z"));
        Api.awaitMessages(user, l -> l.size() == 1);
        clock.set(Instant.parse("2026-07-01T13:10:00Z"));
        snooze(user).statusCode(200).body("nextCheckInAt", equalTo("2026-07-01T14:10:00Z"));
        List<Map<String, Object>> inbox = Api.messages(user);
        assertEquals(1, inbox.size(), "the snoozed check-in is not shown before its time");
        assertEquals(true, inbox.get(0).get("read"), "answered with later");

        clock.set(Instant.parse("2026-07-01T14:10:00Z"));
        List<Map<String, Object>> after = Api.messages(user);
        assertEquals(2, after.size());
        assertEquals(Texts.CHECK_IN_AGAIN.title(), after.get(0).get("title"));
        assertEquals("check-in", after.get(0).get("kind"));

        // snoozed again, then the user checks in: the waiting one is withdrawn and nothing is left to snooze
        snooze(user).statusCode(200).body("nextCheckInAt", equalTo("2026-07-01T15:10:00Z"));
        awaitProcessed(Events.publish(checkedIn(user, "2026-07-01")));
        clock.set(Instant.parse("2026-07-01T15:30:00Z"));
        assertEquals(2, Api.messages(user).size());
        snooze(user).statusCode(409);
    }

    @Test
    void aSnoozedCheckInWaitsForTheEndOfQuietHours() {
        String user = "quiet-snoozer-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-07-01T08:00:00Z"));
        Api.putPreferences(user, Api.preferences("America/New_York", "{\"start\":\"09:30\",\"end\":\"11:00\"}", true,
                "09:00", false));
        clock.set(Instant.parse("2026-07-01T13:00:05Z"));
        Api.awaitMessages(user, l -> l.size() == 1);
        snooze(user).statusCode(200).body("nextCheckInAt", equalTo("2026-07-01T15:00:00Z")); // 11:00 New York
    }

    @Test
    void withoutACheckInTodayThereIsNothingToSnooze() {
        snooze("no-check-in-" + UUID.randomUUID()).statusCode(409).contentType("application/problem+json");
    }

    private static ValidatableResponse snooze(String user) {
        return given().auth().oauth2(TestTokens.user(user)).post("/api/notifications/check-in/snooze").then();
    }

    private static CheckedIn checkedIn(String user, String day) {
        return new CheckedIn(user, UUID.randomUUID(), LocalDate.parse(day), Instant.now(), 1);
    }

    static void awaitProcessed(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = TestDatabase.connect();
                    PreparedStatement s = c.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
                s.setString(1, eventId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1) == 1;
                }
            }
        });
    }

    static long rows(String sql, String user) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertNotNull(r);
                return r.getLong(1);
            }
        }
    }
}
