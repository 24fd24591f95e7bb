package app.detach.streak.contact;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.streak.Api;
import app.detach.streak.TestClock;
import app.detach.testing.KafkaEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class LimitedContactTest {

    private final TestClock clock = TestClock.get();
    private final KafkaEvents events = KafkaEvents.fromConfig();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String start(String user) {
        clock.set(Instant.parse("2026-09-15T12:00:00Z"));
        return Api.start(user, Instant.parse("2026-09-01T12:00:00Z"), "Europe/Madrid", null).statusCode(200)
                .extract().path("streakId");
    }

    @Test
    void withoutTheModeAPurposeBelongsToANecessaryContactOnly() {
        String user = "purpose-" + UUID.randomUUID();
        start(user);
        Api.post(user, "/api/streak/contacts", Map.of("kind", "I_CONTACTED", "purpose", "WORK")).statusCode(400)
                .body("errors.field", hasItem(endsWith("purpose")));
        Api.post(user, "/api/streak/contacts", Map.of("kind", "NECESSARY_CONTACT", "purpose", "HOLIDAY"))
                .statusCode(400).body("errors.field", hasItem(endsWith("purpose")));
        Api.post(user, "/api/streak/contacts", Map.of("kind", "NECESSARY_CONTACT", "purpose", "CO_PARENTING"))
                .statusCode(201)
                .body("purpose", equalTo("CO_PARENTING"))
                .body("brokeStreak", equalTo(false))
                .body("streak.limitedContact.enabled", equalTo(false));
    }

    @Test
    void withTheModeAContactWithAPurposeNeverBreaksWhateverTheKind() {
        String user = "limited-" + UUID.randomUUID();
        String streak = start(user);
        Api.put(user, "/api/streak/settings", Api.settings("Europe/Madrid", "FOLLOW_CURRENT", 0, true)).statusCode(200);
        Api.get(user, "/api/streak").statusCode(200).body("limitedContact.enabled", equalTo(true));
        for (String kind : new String[] {"I_CONTACTED", "THEY_CONTACTED_REPLIED"}) {
            Api.post(user, "/api/streak/contacts", Map.of("kind", kind, "purpose", "LEGAL", "note", "the lawyer's letter"))
                    .statusCode(201)
                    .body("brokeStreak", equalTo(false))
                    .body("purpose", equalTo("LEGAL"))
                    .body("streak.streakId", equalTo(streak))
                    .body("streak.currentDays", equalTo(14));
        }
        events.awaitCount(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.CONTACT_LOGGED.type()), 2,
                Duration.ofSeconds(20)).forEach(e -> org.junit.jupiter.api.Assertions.assertFalse(
                e.data().get("breaksStreak").asBoolean()));
        events.assertNone(Topics.STREAK, KafkaEvents.keyAndType(user, EventType.STREAK_RESET.type()),
                Duration.ofMillis(300));
        // without a purpose it is a slip, limited contact or not
        Api.post(user, "/api/streak/contacts", Map.of("kind", "I_CONTACTED")).statusCode(201)
                .body("brokeStreak", equalTo(true));
        // the list shows each with its purpose, newest first, and only the user's own
        Api.get(user, "/api/streak/contacts").statusCode(200)
                .body("items", hasSize(3))
                .body("items.purpose", hasItems("LEGAL", null))
                .body("items.note", hasItem("the lawyer's letter"));
        Api.get("someone-else-" + UUID.randomUUID(), "/api/streak/contacts").statusCode(200).body("items", hasSize(0));
    }
}
