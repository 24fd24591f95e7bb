package app.detach.streak.milestone;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.streak.Api;
import app.detach.streak.TestClock;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.TestDatabase;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The milestone job. The scheduled trigger is paused in each test (that is the "downtime"), and
 * the tests call the job themselves — once, twice, or from two threads at the same moment.
 */
@QuarkusTest
class MilestoneJobTest {

    private static final String ZONE = "Europe/Berlin";
    // 10 March 2026 10:00 Berlin; day 1 begins 10 March 23:00Z, day 3 on 12 March 23:00Z, day 7 on 16 March 23:00Z
    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant DAY_1 = Instant.parse("2026-03-10T23:00:00Z");

    @Inject
    MilestoneJob job;
    @Inject
    Scheduler scheduler;

    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @BeforeEach
    void pauseTheTrigger() {
        scheduler.pause("milestones");
    }

    @AfterEach
    void resume() {
        clock.reset();
        scheduler.resume("milestones");
    }

    private String start(String user) {
        clock.set(START);
        return Api.start(user, START, ZONE, null).statusCode(200).extract().path("streakId");
    }

    private static List<ReceivedEvent> milestones(KafkaEvents events, String user, int count) {
        return events.awaitCount(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.MILESTONE_REACHED.type()),
                count, Duration.ofSeconds(20));
    }

    @Test
    void aMilestoneIsEmittedOnceWhenItsLocalMidnightComes() {
        String user = "ontime-" + UUID.randomUUID();
        String streak = start(user);
        clock.set(DAY_1.minusMillis(1));
        job.runUntilDone();
        clock.set(DAY_1.plusSeconds(2));
        job.runUntilDone();
        job.runUntilDone();

        ReceivedEvent event = milestones(events, user, 1).get(0);
        assertEquals(streak, event.subject());
        assertEquals(1, event.data().get("day").asInt());
        assertEquals("2026-03-10T23:00:00Z", event.data().get("reachedAt").asText());
        assertFalse(event.data().get("late").asBoolean());
        events.assertExactly(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.MILESTONE_REACHED.type()), 1,
                Duration.ofMillis(500));
        Api.get(user, "/api/streak/milestones").statusCode(200)
                .body("streakId", equalTo(streak))
                .body("currentDays", equalTo(1))
                .body("items[0].day", equalTo(1))
                .body("items[0].reached", equalTo(true))
                .body("items[0].celebrated", equalTo(true))
                .body("items[1].day", equalTo(3))
                .body("items[1].reached", equalTo(false))
                .body("items[1].at", equalTo("2026-03-12T23:00:00Z"))
                .body("celebrated", hasSize(1))
                .body("celebrated[0].currentStreak", equalTo(true));
    }

    @Test
    void afterDowntimeEachMissedMilestoneIsEmittedOnceMarkedLate() {
        String user = "catchup-" + UUID.randomUUID();
        start(user);
        clock.set(Instant.parse("2026-04-20T12:00:00Z")); // day 41: 1, 3, 7, 14, 21, 30 were missed
        int emitted = job.runUntilDone();
        assertTrue(emitted >= 6, "emitted " + emitted);
        job.runUntilDone();

        List<ReceivedEvent> all = milestones(events, user, 6);
        assertEquals(List.of(1, 3, 7, 14, 21, 30), all.stream().map(e -> e.data().get("day").asInt()).toList());
        all.forEach(e -> assertTrue(e.data().get("late").asBoolean(), e.describe()));
        events.assertExactly(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.MILESTONE_REACHED.type()), 6,
                Duration.ofMillis(500));
        Api.get(user, "/api/streak").statusCode(200)
                .body("currentDays", equalTo(41)).body("nextMilestone.day", equalTo(45));
    }

    @Test
    void twoJobsRacingOnTheSameDatabaseEmitEachMilestoneOnce() throws Exception {
        List<String> users = new ArrayList<>();
        List<String> streaks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String user = "race-" + i + "-" + UUID.randomUUID();
            users.add(user);
            streaks.add(start(user));
        }
        clock.set(Instant.parse("2026-03-17T06:00:00Z")); // day 7: milestones 1, 3 and 7 are due for all twelve

        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> racer = () -> {
            go.await();
            int emitted = 0;
            MilestoneJob.Batch batch;
            do {
                batch = job.runOnce(); // each call: its own transaction on its own connection
                emitted += batch.emitted();
            } while (batch.claimed() > 0);
            return emitted;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(racer);
            Future<Integer> b = pool.submit(racer);
            go.countDown();
            // at least ours: streaks left due by other test classes may be caught up in the same runs
            assertTrue(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS) >= 36);
        } finally {
            pool.shutdownNow();
        }

        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*), count(DISTINCT (streak_id, day)) FROM milestone_emitted WHERE streak_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", streaks.stream().map(UUID::fromString).toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(36, r.getInt(1));
                assertEquals(36, r.getInt(2));
            }
        }
        for (String user : users) {
            List<ReceivedEvent> mine = milestones(events, user, 3);
            assertEquals(List.of(1, 3, 7), mine.stream().map(e -> e.data().get("day").asInt()).toList());
        }
        // nothing else arrives for any of them (one read covers all twelve)
        events.assertExactly(Topics.STREAK, e -> users.contains(e.key())
                && e.type().equals(EventType.MILESTONE_REACHED.type()), 36, Duration.ofSeconds(1));
    }

    @Test
    void aMilestoneAlreadyRecordedIsNotRecordedAgain() {
        String user = "guard-" + UUID.randomUUID();
        String streak = start(user);
        // as if another replica had recorded day 1 and crashed before moving next_milestone_at
        TestDatabase.update("INSERT INTO milestone_emitted (streak_id, day, user_id, reached_at, emitted_at, late)"
                + " VALUES (?, 1, ?, ?, ?, false)", UUID.fromString(streak), user,
                java.sql.Timestamp.from(DAY_1), java.sql.Timestamp.from(DAY_1));
        clock.set(Instant.parse("2026-03-13T06:00:00Z")); // day 3 is due too
        job.runUntilDone();
        ReceivedEvent only = milestones(events, user, 1).get(0);
        assertEquals(3, only.data().get("day").asInt());
        events.assertExactly(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.MILESTONE_REACHED.type()), 1,
                Duration.ofMillis(500));
    }

    @Test
    void aStreakBrokenBeforeTheDayNeverGetsItEvenWhenTheBreakIsLoggedLate() {
        String user = "broken-" + UUID.randomUUID();
        start(user);
        clock.set(Instant.parse("2026-03-15T12:00:00Z")); // days 1 and 3 fell due while the job was down
        // ...and the user now logs a slip from the first evening, before day 1 began
        Api.contact(user, "I_CONTACTED", Instant.parse("2026-03-10T20:00:00Z"), null).statusCode(201)
                .body("brokeStreak", equalTo(true));
        job.runUntilDone();
        // the new streak started on 10 March too, but its days 1 and 3 were behind it when it was
        // recorded: they are not celebrated (see README), the next one is day 7
        Api.get(user, "/api/streak").statusCode(200)
                .body("currentDays", equalTo(5)).body("nextMilestone.day", equalTo(7));
        events.assertNone(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.MILESTONE_REACHED.type()),
                Duration.ofMillis(500));
    }

    @Test
    void aMilestoneEmittedBeforeABackdatedSlipStaysWithTheEndedStreak() {
        String user = "after-" + UUID.randomUUID();
        String first = start(user);
        clock.set(Instant.parse("2026-03-11T12:00:00Z"));
        job.runUntilDone(); // day 1 celebrated
        milestones(events, user, 1);
        // a slip later the same day (logged in the evening with the right time)
        clock.set(Instant.parse("2026-03-11T20:00:00Z"));
        String second = Api.contact(user, "I_CONTACTED", Instant.parse("2026-03-11T15:00:00Z"), null).statusCode(201)
                .extract().path("streak.streakId");
        Api.get(user, "/api/streak/milestones").statusCode(200)
                .body("streakId", equalTo(second))
                .body("items[0].day", equalTo(1))
                .body("items[0].reached", equalTo(false))
                .body("celebrated", hasSize(1))
                .body("celebrated[0].streakId", equalTo(first))
                .body("celebrated[0].day", equalTo(1))
                .body("celebrated[0].currentStreak", equalTo(false));
        Api.get(user, "/api/streak/history").statusCode(200).body("items[0].days", equalTo(1));
    }

    @Test
    void theScheduledTriggerRunsTheJobOnItsOwn() {
        String user = "trigger-" + UUID.randomUUID();
        start(user);
        clock.set(DAY_1.plusSeconds(1));
        scheduler.resume("milestones");
        ReceivedEvent event = milestones(events, user, 1).get(0);
        assertEquals(1, event.data().get("day").asInt());
    }
}
