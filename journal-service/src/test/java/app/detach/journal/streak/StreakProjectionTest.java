package app.detach.journal.streak;

import app.detach.events.Topics;
import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.journal.JournalApi;
import app.detach.testing.KafkaEvents;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StreakProjectionTest {

    private static final String STREAK_SERVICE = "/detach/streak-service";
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @Test
    void entriesAreStampedWithTheNoContactDayWhenWrittenAndKeepItWhenEdited() {
        String userId = "streaker-" + UUID.randomUUID();
        JournalApi api = JournalApi.as(userId);
        UUID streak = UUID.randomUUID();
        events.publish(new StreakStarted(userId, streak, Instant.now().minus(3, ChronoUnit.DAYS), "Pacific/Auckland"),
                STREAK_SERVICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> streakId(userId) != null);

        String id = api.post(JournalApi.entry("day three", 6, 3)).statusCode(201)
                .body("noContactDay", equalTo(3)).extract().path("id");
        api.get(id).body("noContactDay", equalTo(3));

        events.publish(new StreakReset(userId, streak, 3, Instant.now()), STREAK_SERVICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> streakId(userId) == null);
        api.post(JournalApi.entry("after the slip", 4, 8)).statusCode(201).body("noContactDay", nullValue());
        api.put(id, JournalApi.entry("day three, edited", 6, 3)).statusCode(200).body("noContactDay", equalTo(3));

        UUID next = UUID.randomUUID();
        events.publish(new StreakStarted(userId, next, Instant.now(), "Pacific/Auckland"), STREAK_SERVICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> next.toString().equals(streakId(userId)));
        api.post(JournalApi.entry("fresh start", 5, 5)).statusCode(201).body("noContactDay", equalTo(0));
    }

    @Test
    void aLateResetOfAnOlderStreakDoesNotEndTheCurrentOne() {
        String userId = "late-reset-" + UUID.randomUUID();
        UUID old = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        events.publish(new StreakStarted(userId, current, Instant.now().minus(1, ChronoUnit.DAYS), "UTC"), STREAK_SERVICE);
        events.publish(new StreakReset(userId, old, 9, Instant.now()), STREAK_SERVICE);
        String marker = "marker-" + UUID.randomUUID();
        events.publish(new StreakStarted(marker, UUID.randomUUID(), Instant.now(), "UTC"), STREAK_SERVICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> streakId(marker) != null);

        JournalApi.as(userId).post(JournalApi.entry("still going", 7, 2)).statusCode(201).body("noContactDay", equalTo(1));
    }

    @Test
    void aRedeliveredStreakEventIsAppliedOnce() throws Exception {
        String userId = "dup-streak-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"userId\":\"" + userId
                + "\",\"streakId\":\"" + first + "\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"timeZone\":\"UTC\"}");
        events.publishRaw(Topics.STREAK, userId, "app.detach.streak.streak-started", STREAK_SERVICE, first.toString(),
                data, eventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> first.toString().equals(streakId(userId)));
        UUID second = UUID.randomUUID();
        events.publish(new StreakStarted(userId, second, Instant.now(), "UTC"), STREAK_SERVICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> second.toString().equals(streakId(userId)));
        // the first event again (a redelivery): it must not bring the old streak back
        events.publishRaw(Topics.STREAK, userId, "app.detach.streak.streak-started", STREAK_SERVICE, first.toString(),
                data, eventId);
        String marker = "marker-" + UUID.randomUUID();
        events.publish(new StreakStarted(marker, UUID.randomUUID(), Instant.now(), "UTC"), STREAK_SERVICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> streakId(marker) != null);
        org.junit.jupiter.api.Assertions.assertEquals(second.toString(), streakId(userId));
    }

    static String streakId(String userId) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT streak_id FROM streak_state WHERE user_id = ?")) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
