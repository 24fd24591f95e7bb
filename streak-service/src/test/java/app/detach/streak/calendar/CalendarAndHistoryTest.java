package app.detach.streak.calendar;

import app.detach.streak.Api;
import app.detach.streak.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CalendarAndHistoryTest {

    private final TestClock clock = TestClock.get();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachLocalDayIsBeforeStartKeptBrokenOrFutureWithItsCounts() {
        String user = "calendar-" + UUID.randomUUID();
        // Chicago: CDT (UTC-5) ends on 1 November 2026, a 25-hour day
        clock.set(Instant.parse("2026-10-28T15:00:00Z"));
        Api.start(user, Instant.parse("2026-10-26T15:00:00Z"), "America/Chicago", null).statusCode(200);
        Api.urge(user, 4, Instant.parse("2026-10-27T03:00:00Z"), null).statusCode(201); // 26 Oct 22:00 local
        Api.urge(user, 6, Instant.parse("2026-10-27T16:00:00Z"), null).statusCode(201);
        Api.contact(user, "THEY_CONTACTED_IGNORED", Instant.parse("2026-10-27T17:00:00Z"), null).statusCode(201);
        clock.set(Instant.parse("2026-11-02T15:00:00Z"));
        Api.contact(user, "I_CONTACTED", Instant.parse("2026-11-01T23:30:00Z"), null).statusCode(201) // 1 Nov 17:30 CST
                .body("brokeStreak", equalTo(true))
                .body("streak.currentDays", equalTo(1));

        Api.get(user, "/api/streak/calendar?from=2026-10-25&to=2026-11-03").statusCode(200)
                .body("timeZone", equalTo("America/Chicago"))
                .body("days", hasSize(10))
                .body("days[0].date", equalTo("2026-10-25")).body("days[0].status", equalTo("BEFORE_START"))
                .body("days[1].status", equalTo("KEPT")).body("days[1].urges", equalTo(1))
                .body("days[2].status", equalTo("KEPT")).body("days[2].urges", equalTo(1))
                .body("days[2].contacts", equalTo(1))
                .body("days[7].date", equalTo("2026-11-01")).body("days[7].status", equalTo("BROKEN"))
                .body("days[7].contacts", equalTo(1))
                .body("days[8].status", equalTo("KEPT"))
                .body("days[9].status", equalTo("FUTURE"));

        Api.get(user, "/api/streak/history").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].days", equalTo(6))
                .body("current.days", equalTo(1))
                .body("longestDays", equalTo(6))
                .body("totalNoContactDays", equalTo(7));
    }

    @Test
    void theRangeIsValidated() {
        String user = "calendar-range-" + UUID.randomUUID();
        clock.set(Instant.parse("2026-03-15T12:00:00Z"));
        Api.start(user, Instant.parse("2026-03-01T12:00:00Z"), "Asia/Tokyo", null).statusCode(200);
        Api.get(user, "/api/streak/calendar").statusCode(200).body("days", hasSize(30))
                .body("to", equalTo("2026-03-15"));
        Api.get(user, "/api/streak/calendar?from=2025-02-10&to=2026-03-15").statusCode(200).body("days", hasSize(399));
        Api.get(user, "/api/streak/calendar?from=2025-02-01&to=2026-03-15").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("400 days")));
        Api.get(user, "/api/streak/calendar?from=2026-03-10&to=2026-03-01").statusCode(400)
                .body("errors.field", hasItem("from"));
        Api.get(user, "/api/streak/calendar?from=last-week").statusCode(400).body("errors.field", hasItem("from"));
    }
}
