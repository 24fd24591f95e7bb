package app.detach.journal.prompt;

import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.journal.JournalApi;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PromptResourceTest {

    private static final String TODAY = "/api/journal/prompts/today";

    @Inject
    PromptLibrary library;

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken(TODAY);
    }

    @Test
    void todaysPromptIsStableForTheDayAndFitsANewUser() {
        JournalApi api = JournalApi.as("prompted-" + UUID.randomUUID());
        String id = api.get(TODAY, Map.of()).statusCode(200)
                .body("stage", equalTo("first-days"))
                .body("text", notNullValue())
                .body("day", equalTo(LocalDate.now(ZoneOffset.UTC).toString()))
                .body("timeZone", equalTo("UTC"))
                .extract().path("promptId");
        assertTrue(library.find(id).orElseThrow().stages().contains(Stage.FIRST_DAYS));
        for (int i = 0; i < 3; i++) {
            api.get(TODAY, Map.of()).statusCode(200).body("promptId", equalTo(id));
        }
        // the prompt can be answered: its id is accepted on an entry
        Map<String, Object> answer = JournalApi.entry("my answer", 5, 5);
        answer.put("promptId", id);
        api.post(answer).statusCode(201);
        api.get(TODAY, Map.of()).statusCode(200).body("promptId", equalTo(id));
    }

    @Test
    void theStageFollowsTheLatestEntryAndTheStreak() {
        JournalApi urge = JournalApi.as("urge-" + UUID.randomUUID());
        urge.create("I want to text so badly", 4, 9);
        String urgeId = urge.get(TODAY, Map.of()).statusCode(200).body("stage", equalTo("strong-urge")).extract().path("promptId");
        assertTrue(library.find(urgeId).orElseThrow().stages().contains(Stage.STRONG_URGE));

        JournalApi low = JournalApi.as("low-" + UUID.randomUUID());
        low.create("grey day", 2, 1);
        low.get(TODAY, Map.of()).statusCode(200).body("stage", equalTo("low-mood"));

        String slipper = "slip-" + UUID.randomUUID();
        UUID streak = UUID.randomUUID();
        KafkaEvents events = KafkaEvents.fromConfig();
        events.publish(new StreakStarted(slipper, streak, Instant.now().minus(Duration.ofDays(20)), "Europe/Paris"),
                "/detach/streak-service");
        events.publish(new StreakReset(slipper, streak, 20, Instant.now()), "/detach/streak-service");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM streak_state WHERE user_id = ? AND last_reset_at IS NOT NULL", slipper) == 1);
        JournalApi.as(slipper).get(TODAY, Map.of()).statusCode(200)
                .body("stage", equalTo("after-a-slip"))
                .body("timeZone", equalTo("Europe/Paris"));

        String veteran = "veteran-" + UUID.randomUUID();
        events.publish(new StreakStarted(veteran, UUID.randomUUID(), Instant.now().minus(Duration.ofDays(60)), "UTC"),
                "/detach/streak-service");
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM streak_state WHERE user_id = ?", veteran) == 1);
        JournalApi.as(veteran).get(TODAY, Map.of()).statusCode(200).body("stage", equalTo("later"));
    }

    @Test
    void noPromptRepeatsWithinFourteenDays() {
        String userId = "no-repeat-" + UUID.randomUUID();
        List<Prompt> firstDays = library.forStage(Stage.FIRST_DAYS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // all but the last first-days prompt were picked on the previous days, the oldest 13 days ago
        for (int i = 0; i < firstDays.size() - 1; i++) {
            pick(userId, today.minusDays(13 - i), firstDays.get(i).id());
        }
        JournalApi.as(userId).get(TODAY, Map.of()).statusCode(200)
                .body("promptId", equalTo(firstDays.get(firstDays.size() - 1).id()));
    }

    @Test
    void whenTheStageIsExhaustedAnotherFreshPromptIsChosenAndOldPicksMayReturn() {
        String exhausted = "exhausted-" + UUID.randomUUID();
        List<Prompt> firstDays = library.forStage(Stage.FIRST_DAYS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < firstDays.size(); i++) {
            pick(exhausted, today.minusDays(1 + i), firstDays.get(i).id());
        }
        JournalApi.as(exhausted).get(TODAY, Map.of()).statusCode(200)
                .body("promptId", not(org.hamcrest.Matchers.in(firstDays.stream().map(Prompt::id).toList())));

        String returning = "returning-" + UUID.randomUUID();
        pick(returning, today.minusDays(14), firstDays.get(0).id());
        for (int i = 1; i < firstDays.size(); i++) {
            pick(returning, today.minusDays(i), firstDays.get(i).id());
        }
        JournalApi.as(returning).get(TODAY, Map.of()).statusCode(200).body("promptId", equalTo(firstDays.get(0).id()));
    }

    @Test
    void theDayIsTheLocalDayOfTheRequestedZone() {
        JournalApi api = JournalApi.as("zoned-" + UUID.randomUUID());
        api.get(TODAY, Map.of("tz", "Pacific/Kiritimati")).statusCode(200)
                .body("timeZone", equalTo("Pacific/Kiritimati"))
                .body("day", equalTo(LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati")).toString()));
        api.get(TODAY, Map.of("tz", "Mars/Olympus")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("tz"));
    }

    private static void pick(String userId, LocalDate day, String promptId) {
        TestDatabase.update("INSERT INTO prompt_pick (user_id, local_day, prompt_id, stage) VALUES (?, ?, ?, 'first-days')",
                userId, Date.valueOf(day), promptId);
    }

    private static long count(String sql, String userId) throws Exception {
        try (var c = TestDatabase.connect(); var s = c.prepareStatement(sql)) {
            s.setString(1, userId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
