package app.detach.journal.daysettings;

import app.detach.events.streak.UserDays;
import app.detach.events.streak.DaySettingsChanged;
import app.detach.journal.JournalApi;
import app.detach.testing.KafkaEvents;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DaySettingsProjectionTest {

    private static final String STREAK_SERVICE = "/detach/streak-service";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @Test
    void insightsCountTheUsersDaysInTheirZoneFromTheirDayStartHour() {
        String userId = "late-night-" + UUID.randomUUID();
        Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = events.publish(new DaySettingsChanged(userId, "Asia/Tokyo", DaySettingsChanged.FOLLOW_CURRENT, 3,
                changedAt), STREAK_SERVICE);
        awaitProcessed(id);

        UserDays days = new UserDays(TOKYO, 3);
        LocalDate today = days.dayOf(Instant.now());
        LocalDate twoDaysAgo = today.minusDays(2);
        insert(userId, twoDaysAgo, 2, 4); // 02:00: still the day before in the user's days
        insert(userId, twoDaysAgo, 4, 8); // 04:00: the day itself

        // the settings win over the client's zone: insights count the same days as the streak
        JournalApi.as(userId).get("/api/journal/insights", Map.of("days", 7, "tz", "Europe/Paris")).statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("dayStartHour", equalTo(3))
                .body("to", equalTo(today.toString()))
                .body("series[3].date", equalTo(twoDaysAgo.minusDays(1).toString()))
                .body("series[3].entries", equalTo(1))
                .body("series[3].mood", equalTo(4.0f))
                .body("series[4].entries", equalTo(1))
                .body("series[4].mood", equalTo(8.0f));

        // today's prompt is the prompt of the user's day too
        JournalApi.as(userId).get("/api/journal/prompts/today", Map.of("tz", "Europe/Paris")).statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("day", equalTo(days.dayOf(Instant.now()).toString()));

        // a change that is older than the stored one (arriving late) changes nothing
        String late = events.publish(new DaySettingsChanged(userId, "UTC", DaySettingsChanged.PIN_HOME, 0,
                changedAt.minusSeconds(60)), STREAK_SERVICE);
        awaitProcessed(late);
        JournalApi.as(userId).get("/api/journal/insights", Map.of("days", 7)).statusCode(200)
                .body("timeZone", equalTo("Asia/Tokyo")).body("dayStartHour", equalTo(3));

        // a newer one moves the days: midnight in Tokyo puts both entries on the same day
        String newer = events.publish(new DaySettingsChanged(userId, "Asia/Tokyo", DaySettingsChanged.PIN_HOME, 0,
                changedAt.plusSeconds(1)), STREAK_SERVICE);
        awaitProcessed(newer);
        LocalDate calendarToday = LocalDate.now(TOKYO);
        JournalApi.as(userId).get("/api/journal/insights", Map.of("days", 7)).statusCode(200)
                .body("dayStartHour", equalTo(0))
                .body("series.find { it.date == '" + twoDaysAgo + "' }.entries", equalTo(2))
                .body("to", equalTo(calendarToday.toString()));
    }

    @Test
    void anEntryIsStampedWithTheNoContactDayInTheUsersDays() {
        String userId = "stamped-" + UUID.randomUUID();
        // the streak started at 05:00 in Tokyo ten days ago: with a day starting at 06:00 that is the day before
        LocalDate startDate = LocalDate.now(TOKYO).minusDays(10);
        Instant startedAt = startDate.atTime(5, 0).atZone(TOKYO).toInstant();
        awaitProcessed(events.publish(new app.detach.events.streak.StreakStarted(userId, UUID.randomUUID(), startedAt,
                "Asia/Tokyo"), STREAK_SERVICE));
        awaitProcessed(events.publish(new DaySettingsChanged(userId, "Asia/Tokyo", DaySettingsChanged.PIN_HOME, 6,
                Instant.now()), STREAK_SERVICE));

        String id = JournalApi.as(userId).create("counted in my days", 5, 5);
        Instant now = Instant.now();
        int expected = (int) ChronoUnit.DAYS.between(startDate.minusDays(1),
                now.atZone(TOKYO).toLocalDateTime().minusHours(6).toLocalDate());
        JournalApi.as(userId).get(id).statusCode(200).body("noContactDay", equalTo(expected));
    }

    @Test
    void withoutSettingsTheClientsZoneAndMidnightStillApply() {
        JournalApi.as("no-settings-" + UUID.randomUUID())
                .get("/api/journal/insights", Map.of("days", 7, "tz", "Europe/Paris")).statusCode(200)
                .body("timeZone", equalTo("Europe/Paris")).body("dayStartHour", equalTo(0));
    }

    private static void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection c = TestDatabase.connect();
                    PreparedStatement s = c.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
                s.setString(1, eventId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 1;
                }
            }
        });
    }

    private static void insert(String userId, LocalDate day, int hour, int mood) {
        Timestamp at = Timestamp.from(day.atTime(hour, 0).atZone(TOKYO).toInstant());
        TestDatabase.update("INSERT INTO journal_entry (id, user_id, body_ciphertext, mood, urge, emotions, created_at,"
                + " updated_at) VALUES (?, ?, '\\x00'::bytea, ?, 5, '{}'::text[], ?, ?)",
                UUID.randomUUID(), userId, mood, at, at);
    }
}
