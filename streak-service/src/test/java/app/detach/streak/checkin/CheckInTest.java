package app.detach.streak.checkin;

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

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CheckInTest {

    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oncePerUserDayWithAStreakOfConsecutiveDays() {
        String user = "checkin-" + UUID.randomUUID();
        Api.post(user, "/api/streak/check-ins", Map.of()).statusCode(409);
        clock.set(Instant.parse("2026-05-10T20:00:00Z")); // 22:00 in Paris
        Api.start(user, Instant.parse("2026-05-01T08:00:00Z"), "Europe/Paris", null).statusCode(200)
                .body("checkIn.checkedInToday", equalTo(false))
                .body("checkIn.checkInStreakDays", equalTo(0))
                .body("checkIn.lastCheckInDate", nullValue());
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Paris", "FOLLOW_CURRENT", 2, null)).statusCode(200);

        String first = Api.post(user, "/api/streak/check-ins", Map.of("timeZone", "Europe/Paris")).statusCode(201)
                .body("localDate", equalTo("2026-05-10"))
                .body("checkInStreakDays", equalTo(1))
                .body("alreadyCheckedIn", equalTo(false))
                .body("timeZone", equalTo("Europe/Paris"))
                .extract().path("checkInId");
        // 01:00 in Paris on 11 May: before the day start at 02:00, still 10 May
        clock.set(Instant.parse("2026-05-10T23:00:00Z"));
        // a body, when sent, is a JSON object: nothing or a literal null is not a check-in
        Api.post(user, "/api/streak/check-ins", null).statusCode(400);
        Api.post(user, "/api/streak/check-ins", "null").statusCode(400);
        Api.post(user, "/api/streak/check-ins", Map.of()).statusCode(200)
                .body("checkInId", equalTo(first))
                .body("localDate", equalTo("2026-05-10"))
                .body("alreadyCheckedIn", equalTo(true));
        Api.get(user, "/api/streak").statusCode(200)
                .body("checkIn.checkedInToday", equalTo(true))
                .body("checkIn.checkInStreakDays", equalTo(1))
                .body("checkIn.lastCheckInDate", equalTo("2026-05-10"));

        // 11 May: the streak goes on; the reminder is not needed that day
        clock.set(Instant.parse("2026-05-11T07:00:00Z"));
        Api.get(user, "/api/streak").statusCode(200)
                .body("checkIn.checkedInToday", equalTo(false))
                .body("checkIn.checkInStreakDays", equalTo(1));
        Api.post(user, "/api/streak/check-ins", Map.of()).statusCode(201)
                .body("localDate", equalTo("2026-05-11")).body("checkInStreakDays", equalTo(2));
        // 13 May after a day without one: a new check-in streak
        clock.set(Instant.parse("2026-05-13T07:00:00Z"));
        Api.get(user, "/api/streak").statusCode(200).body("checkIn.checkInStreakDays", equalTo(0));
        Api.post(user, "/api/streak/check-ins", Map.of()).statusCode(201)
                .body("localDate", equalTo("2026-05-13")).body("checkInStreakDays", equalTo(1));

        List<ReceivedEvent> checkedIn = events.assertExactly(Topics.STREAK,
                KafkaEvents.keyAndType(user, EventType.CHECKED_IN.type()), 3, Duration.ofMillis(500));
        assertEquals(first, checkedIn.get(0).subject());
        assertEquals("2026-05-10", checkedIn.get(0).data().get("localDate").asText());
        assertEquals(List.of(1, 2, 1), checkedIn.stream().map(e -> e.data().get("checkInStreakDays").asInt()).toList());

        Api.post(user, "/api/streak/check-ins", Map.of("timeZone", "Nowhere/Land")).statusCode(400);
        Api.post(user, "/api/streak/check-ins", Map.of("mood", "fine")).statusCode(400);
    }
}
