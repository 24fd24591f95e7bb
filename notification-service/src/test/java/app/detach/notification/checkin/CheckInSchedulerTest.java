package app.detach.notification.checkin;

import app.detach.notification.Api;
import app.detach.notification.TestClock;
import app.detach.notification.rule.Texts;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduler itself, ticking every second against a clock moved across the spring DST change. */
@QuarkusTest
class CheckInSchedulerTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sendsOneCheckInPerLocalDayAtTheChosenTimeAcrossDst() throws SQLException {
        String user = "ci-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-03-28T12:00:00Z"));
        Api.putPreferences(user, Api.preferences("Europe/Paris", null, true, "20:00", false));
        assertEquals(Instant.parse("2026-03-28T19:00:00Z"), nextCheckIn(user), "20:00 Paris in winter time");
        assertEquals(List.of(), Api.messages(user));

        clock.set(Instant.parse("2026-03-28T19:00:05Z"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Instant.parse("2026-03-29T18:00:00Z").equals(nextCheckIn(user)));
        List<Map<String, Object>> inbox = Api.messages(user);
        assertEquals(1, inbox.size());
        assertEquals("check-in", inbox.get(0).get("kind"));
        assertEquals(Texts.QUICK_ACTIONS_LINK, inbox.get(0).get("link"));
        assertEquals(Texts.CHECK_IN.title(), inbox.get(0).get("title"));

        // after the change to summer time, 20:00 Paris is 18:00Z
        clock.set(Instant.parse("2026-03-29T18:00:05Z"));
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Instant.parse("2026-03-30T18:00:00Z").equals(nextCheckIn(user)));
        assertEquals(2, Api.messages(user).size());
    }

    @Test
    void aCheckInDueAgainForTheSameDayIsNotSentTwice() throws SQLException {
        String user = "ci2-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-07-01T08:00:00Z"));
        Api.putPreferences(user, Api.preferences("America/New_York", null, true, "09:00", false));
        clock.set(Instant.parse("2026-07-01T13:30:00Z")); // 09:30 New York
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Api.messages(user).size() == 1);

        // as if a replica crashed after sending but before moving the schedule: the row is due again
        TestDatabase.update("UPDATE preference SET next_check_in_at = ? WHERE user_id = ?",
                Timestamp.from(Instant.parse("2026-07-01T13:00:00Z")), user);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Instant.parse("2026-07-02T13:00:00Z").equals(nextCheckIn(user)));
        assertEquals(1, Api.messages(user).size());
    }

    @Test
    void turningTheCheckInOffStopsIt() throws SQLException {
        String user = "ci3-" + UUID.randomUUID();
        Api.putPreferences(user, Api.preferences("Asia/Tokyo", null, true, "07:15", false));
        assertEquals(true, nextCheckIn(user) != null);
        Api.putPreferences(user, Api.preferences("Asia/Tokyo", null, false, "07:15", false));
        assertEquals(null, nextCheckIn(user));
    }

    static Instant nextCheckIn(String user) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT next_check_in_at FROM preference WHERE user_id = ?")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Timestamp t = r.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }
}
