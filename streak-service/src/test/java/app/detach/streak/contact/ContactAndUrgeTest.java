package app.detach.streak.contact;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.streak.Api;
import app.detach.streak.TestClock;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ContactAndUrgeTest {

    private static final String ZONE = "Europe/London";
    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String startTenDaysAgo(String user, boolean socialBreaks) {
        clock.set(Instant.parse("2026-07-11T12:00:00Z"));
        return Api.start(user, Instant.parse("2026-07-01T12:00:00Z"), ZONE, socialBreaks).statusCode(200)
                .body("currentDays", equalTo(10)).extract().path("streakId");
    }

    @Test
    void contactsThatDoNotBreakAreLoggedOnly() {
        String user = "ignored-" + UUID.randomUUID();
        String streak = startTenDaysAgo(user, false);
        for (String kind : List.of("THEY_CONTACTED_IGNORED", "NECESSARY_CONTACT", "SOCIAL_MEDIA_CHECK")) {
            Api.contact(user, kind, null, null).statusCode(201)
                    .body("kind", equalTo(kind))
                    .body("brokeStreak", equalTo(false))
                    .body("streak.streakId", equalTo(streak))
                    .body("streak.currentDays", equalTo(10))
                    .body("streak.lastContactAt", equalTo("2026-07-11T12:00:00Z"));
        }
        List<ReceivedEvent> logged = events.awaitCount(Topics.STREAK,
                KafkaEvents.keyAndType(user, EventType.CONTACT_LOGGED.type()), 3, Duration.ofSeconds(20));
        logged.forEach(e -> assertFalse(e.data().get("breaksStreak").asBoolean()));
        events.assertNone(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.STREAK_RESET.type()), Duration.ofMillis(300));
    }

    @Test
    void aSlipNowEndsTheStreakAndStartsTheNextAtDayZero() {
        String user = "slip-" + UUID.randomUUID();
        String old = startTenDaysAgo(user, false);
        String contactId = Api.contact(user, "I_CONTACTED", null, "I texted at midnight, it hurt").statusCode(201)
                .body("brokeStreak", equalTo(true))
                .body("streak.streakId", not(equalTo(old)))
                .body("streak.currentDays", equalTo(0))
                .body("streak.startedAt", equalTo("2026-07-11T12:00:00Z"))
                .body("streak.longestDays", equalTo(10))
                .body("streak.totalNoContactDays", equalTo(10))
                .extract().path("contactId");

        // day-settings-changed (the first settings) is not part of this story
        List<ReceivedEvent> mine = events.awaitCount(Topics.STREAK, KafkaEvents.key(user)
                .and(e -> !e.type().equals(EventType.DAY_SETTINGS_CHANGED.type())), 4, Duration.ofSeconds(20));
        assertEquals(List.of(EventType.STREAK_STARTED.type(), EventType.CONTACT_LOGGED.type(),
                EventType.STREAK_RESET.type(), EventType.STREAK_STARTED.type()), mine.stream().map(ReceivedEvent::type).toList());
        assertEquals(contactId, mine.get(1).subject());
        assertTrue(mine.get(1).data().get("breaksStreak").asBoolean());
        assertEquals("I_CONTACTED", mine.get(1).data().get("kind").asText());
        assertEquals(old, mine.get(2).subject());
        assertEquals(10, mine.get(2).data().get("previousDays").asInt());
        // the note is the user's own words: never in an event
        mine.forEach(e -> assertFalse(e.data().toString().contains("midnight"), e.describe()));

        Api.get(user, "/api/streak/history").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].streakId", equalTo(old))
                .body("items[0].endedBy", equalTo("CONTACT"))
                .body("items[0].contactKind", equalTo("I_CONTACTED"))
                .body("items[0].contactId", equalTo(contactId))
                .body("items[0].days", equalTo(10))
                .body("longestDays", equalTo(10));
    }

    @Test
    void aBackdatedSlipInsideTheStreakEndsItThereAndTheNextStartsRightAfter() {
        String user = "backdated-" + UUID.randomUUID();
        String old = startTenDaysAgo(user, false);
        // 5 July 21:00 London (BST): day 4 of the old streak
        Api.contact(user, "THEY_CONTACTED_REPLIED", Instant.parse("2026-07-05T20:00:00Z"), null).statusCode(201)
                .body("brokeStreak", equalTo(true))
                .body("streak.startedAt", equalTo("2026-07-05T20:00:00Z"))
                .body("streak.currentDays", equalTo(6))
                .body("streak.longestDays", equalTo(6))
                .body("streak.totalNoContactDays", equalTo(10));
        Api.get(user, "/api/streak/history").statusCode(200)
                .body("items[0].streakId", equalTo(old))
                .body("items[0].endedAt", equalTo("2026-07-05T20:00:00Z"))
                .body("items[0].days", equalTo(4));
        ReceivedEvent reset = events.await(Topics.STREAK, user, EventType.STREAK_RESET.type());
        assertEquals(4, reset.data().get("previousDays").asInt());
        assertEquals("2026-07-05T20:00:00Z", reset.data().get("resetAt").asText());
    }

    @Test
    void aSlipDatedBeforeTheCurrentStreakOnlyJoinsTheHistory() {
        String user = "before-" + UUID.randomUUID();
        String streak = startTenDaysAgo(user, false);
        Api.contact(user, "I_CONTACTED", Instant.parse("2026-06-20T12:00:00Z"), null).statusCode(201)
                .body("brokeStreak", equalTo(false))
                .body("streak.streakId", equalTo(streak))
                .body("streak.currentDays", equalTo(10))
                .body("streak.lastContactAt", equalTo("2026-06-20T12:00:00Z"));
        ReceivedEvent logged = events.await(Topics.STREAK, user, EventType.CONTACT_LOGGED.type());
        assertFalse(logged.data().get("breaksStreak").asBoolean());
        Api.get(user, "/api/streak/history").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aSocialMediaCheckBreaksOnlyWhenTheUserChoseSo() {
        String user = "social-" + UUID.randomUUID();
        startTenDaysAgo(user, true);
        Api.contact(user, "SOCIAL_MEDIA_CHECK", null, null).statusCode(201).body("brokeStreak", equalTo(true));
    }

    @Test
    void refusesInvalidContacts() {
        String user = "badcontact-" + UUID.randomUUID();
        startTenDaysAgo(user, false);
        Api.contact(user, "I_CONTACTED", Instant.parse("2026-07-11T12:00:01Z"), null).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("occurredAt"))
                .body("errors.message", hasItem("must not be in the future"));
        Api.contact(user, "WAVED", null, null).statusCode(400).body("errors.field", hasItem(containsString("kind")));
        Api.contact(user, null, null, null).statusCode(400).body("errors.field", hasItem(containsString("kind")));
        Api.contact(user, "I_CONTACTED", null, "x".repeat(2001)).statusCode(400)
                .body("errors.field", hasItem(containsString("note")));
        Api.get(user, "/api/streak").statusCode(200).body("currentDays", equalTo(10)).body("lastContactAt", equalTo(null));
    }

    @Test
    void urgesAreCountedNeverBreakAndKeepTheirNotePrivate() throws Exception {
        String user = "urge-" + UUID.randomUUID();
        String streak = startTenDaysAgo(user, false);
        Api.urge(user, 8, null, "saw our song on the radio").statusCode(201)
                .body("intensity", equalTo(8))
                .body("occurredAt", equalTo("2026-07-11T12:00:00Z"))
                .body("urgesResisted", equalTo(1));
        Api.urge(user, 3, Instant.parse("2026-07-09T07:00:00Z"), null).statusCode(201)
                .body("urgesResisted", equalTo(2));
        Api.get(user, "/api/streak").statusCode(200)
                .body("streakId", equalTo(streak)).body("urgesResisted", equalTo(2)).body("currentDays", equalTo(10));

        for (Object bad : new Object[] {0, 11, "strong", null}) {
            Api.urge(user, bad, null, null).statusCode(400).body("errors.field", hasItem(containsString("intensity")));
        }
        Api.urge(user, 5, Instant.parse("2026-07-12T00:00:00Z"), null).statusCode(400)
                .body("errors.field", hasItem("occurredAt"));

        List<ReceivedEvent> urges = events.awaitCount(Topics.STREAK,
                KafkaEvents.keyAndType(user, EventType.URGE_RESISTED.type()), 2, Duration.ofSeconds(20));
        assertEquals(8, urges.get(0).data().get("intensity").asInt());
        urges.forEach(e -> assertFalse(e.data().has("note")));
        // not in the outbox rows either (the payload is what goes to Kafka)
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE payload::text LIKE ?")) {
            s.setString(1, "%our song%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1));
            }
        }
    }
}
