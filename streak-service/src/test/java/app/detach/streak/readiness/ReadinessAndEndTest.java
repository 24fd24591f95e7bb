package app.detach.streak.readiness;

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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ReadinessAndEndTest {

    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theQuestionsLinkGuides() {
        Api.get("reader-" + UUID.randomUUID(), "/api/streak/readiness/questions").statusCode(200)
                .body("questions", hasSize(8))
                .body("questions.id", hasItems("settled", "hopes", "apologised", "ifNo", "support"))
                .body("questions.kind", everyItem(oneOf("SCALE_1_5", "YES_NO", "TEXT")))
                .body("questions.articleSlug", hasItems("reaching-out-when-healed", "apologising-once",
                        "talking-to-people-you-trust"))
                .body("questions.text", everyItem(notNullValue()));
    }

    @Test
    void checksAreSavedRevisitedAndDeletedByTheirOwnerOnly() {
        String user = "ready-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        Map<String, Object> raw = Map.of("settled", 2, "hopes", "to say goodbye properly", "support", false);
        String older = Api.post(user, "/api/streak/readiness-checks", Map.of("answers", raw)).statusCode(201)
                .body("createdAt", equalTo("2026-10-01T09:00:00Z"))
                .body("answers.hopes", equalTo("to say goodbye properly"))
                .body("answers.settled", equalTo(2))
                .body("summary", containsString("more time"))
                .body("summary", containsString("someone you trust"))
                .extract().path("id");
        clock.set(Instant.parse("2026-10-20T09:00:00Z"));
        String newer = Api.post(user, "/api/streak/readiness-checks",
                        Map.of("answers", Map.of("settled", 5, "ifNo", 4, "apologised", true))).statusCode(201)
                .body("summary", containsString("steady place"))
                .body("summary", not(containsString("more time")))
                .extract().path("id");
        Api.get(user, "/api/streak/readiness-checks").statusCode(200)
                .body("items.id", equalTo(List.of(newer, older)));
        Api.get(user, "/api/streak/readiness-checks/" + older).statusCode(200)
                .body("answers.support", equalTo(false));

        Api.get(other, "/api/streak/readiness-checks/" + older).statusCode(404);
        Api.delete(other, "/api/streak/readiness-checks/" + older).statusCode(404);
        Api.get(other, "/api/streak/readiness-checks").statusCode(200).body("items", hasSize(0));
        Api.get(user, "/api/streak/readiness-checks/not-a-uuid").statusCode(404);

        Api.delete(user, "/api/streak/readiness-checks/" + older).statusCode(204);
        Api.get(user, "/api/streak/readiness-checks/" + older).statusCode(404);
        Api.get(user, "/api/streak/readiness-checks").statusCode(200).body("items.id", equalTo(List.of(newer)));
    }

    @Test
    void badAnswersAreProblemsNamingTheQuestion() {
        String user = "bad-ready-" + UUID.randomUUID();
        Api.post(user, "/api/streak/readiness-checks", Map.of("answers", Map.of())).statusCode(400)
                .body("errors.field", hasItem("answers"));
        Api.post(user, "/api/streak/readiness-checks", Map.of("answers",
                        Map.of("settled", 6, "support", "yes", "hopes", "", "astrology", 3))).statusCode(400)
                .body("errors.field", hasItems("answers.settled", "answers.support", "answers.hopes",
                        "answers.astrology"));
        Api.post(user, "/api/streak/readiness-checks", Map.of("answers", Map.of("hopes", "x".repeat(2001))))
                .statusCode(400).body("errors.field", hasItem("answers.hopes"));
        Api.post(user, "/api/streak/readiness-checks", Map.of()).statusCode(400);
        Api.get(user, "/api/streak/readiness-checks").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void endingByChoiceIsNotASlipAndStartsNothing() {
        String user = "chosen-" + UUID.randomUUID();
        String other = "nosy-" + UUID.randomUUID();
        Api.post(user, "/api/streak/end", Map.of()).statusCode(409);
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        String streak = Api.start(user, Instant.parse("2026-08-01T12:00:00Z"), "America/Chicago", null)
                .statusCode(200).extract().path("streakId");
        String check = Api.post(user, "/api/streak/readiness-checks",
                Map.of("answers", Map.of("hopes", "closure, in my own words"))).statusCode(201).extract().path("id");
        String foreign = Api.post(other, "/api/streak/readiness-checks",
                Map.of("answers", Map.of("settled", 3))).statusCode(201).extract().path("id");

        Api.post(user, "/api/streak/end", Map.of("readinessCheckId", foreign)).statusCode(404);
        // an id that is empty once trimmed is not "no id": 400, and the streak goes on
        Api.post(user, "/api/streak/end", "{\"readinessCheckId\":\"\\u0000\"}").statusCode(400);
        Api.post(user, "/api/streak/end", "null").statusCode(400);
        Api.get(user, "/api/streak").statusCode(200).body("streakId", equalTo(streak));

        Api.post(user, "/api/streak/end", Map.of("readinessCheckId", check)).statusCode(200)
                .body("streakId", equalTo(streak))
                .body("startedAt", equalTo("2026-08-01T12:00:00Z"))
                .body("endedAt", equalTo("2026-11-20T12:00:00Z"))
                .body("days", equalTo(111))
                .body("endedBy", equalTo("CHOSEN"))
                .body("readinessCheckId", equalTo(check));

        Api.get(user, "/api/streak").statusCode(404);
        Api.get(user, "/api/streak/history").statusCode(200)
                .body("items[0].endedBy", equalTo("CHOSEN"))
                .body("items[0].readinessCheckId", equalTo(check))
                .body("current", equalTo(null))
                .body("longestDays", equalTo(111));
        Api.get(user, "/api/streak/calendar?from=2026-11-18&to=2026-11-20").statusCode(200);
        Api.post(user, "/api/streak/end", Map.of()).statusCode(409);
        Api.post(user, "/api/streak/check-ins", Map.of()).statusCode(409);
        Api.contact(user, "I_CONTACTED", null, null).statusCode(409);
        Api.urge(user, 3, null, null).statusCode(409);

        ReceivedEvent reset = events.await(Topics.STREAK, user, EventType.STREAK_RESET.type());
        assertEquals("CHOSEN", reset.data().get("reason").asText());
        assertEquals(111, reset.data().get("previousDays").asInt());
        events.assertExactly(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.STREAK_STARTED.type()), 1,
                Duration.ofMillis(300));
        events.readAll(Topics.STREAK).forEach(e -> assertFalse(e.data().toString().contains("closure"), e.describe()));

        // a new start is possible later, not before the chosen end
        Api.start(user, Instant.parse("2026-11-19T12:00:00Z"), "America/Chicago", null).statusCode(409);
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        Api.start(user, Instant.parse("2026-11-25T12:00:00Z"), "America/Chicago", null).statusCode(200)
                .body("currentDays", equalTo(0))
                .body("longestDays", equalTo(111));
    }
}
