package app.detach.notification.erasure;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.events.account.ErasureRequested;
import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ErasureTest {

    @Test
    void erasureDeletesInboxPreferencesAddressAndMoodsThenReportsDataErased() throws SQLException {
        String user = "e-" + UUID.randomUUID();
        String neighbour = "keep-" + UUID.randomUUID();
        Api.putPreferences(user, """
                {"timeZone":"Europe/Paris","dailyCheckIn":{"enabled":true,"localTime":"20:00"},
                 "channels":{"inApp":true,"email":true},"email":"erase-me@example.com"}""");
        Events.publish(Events.milestone(user, 3));
        Events.publish(Events.entry(user, 2, Instant.now()));
        Events.publish(Events.milestone(neighbour, 3));
        Api.awaitMessages(user, l -> l.size() == 1);
        Api.awaitMessages(neighbour, l -> l.size() == 1);
        // the journal topic is consumed independently of the streak topic: wait until the mood is
        // projected too, so the erasure below has everything to erase
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rows("SELECT count(*) FROM mood_entry WHERE user_id = ?", user) == 1);
        Events.publish(new app.detach.events.streak.DaySettingsChanged(user, "Asia/Tokyo",
                app.detach.events.streak.DaySettingsChanged.PIN_HOME, 2, Instant.now()));
        Events.publish(new app.detach.events.streak.CheckedIn(user, UUID.randomUUID(),
                java.time.LocalDate.now(), Instant.now(), 1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> rows("SELECT count(*) FROM day_settings WHERE user_id = ?", user) == 1
                        && rows("SELECT count(*) FROM checked_in_day WHERE user_id = ?", user) == 1);

        Events.publish(new ErasureRequested(user, Instant.now()));

        KafkaEvents kafka = KafkaEvents.fromConfig();
        ReceivedEvent erased = kafka.await(Topics.ACCOUNT, user, EventType.DATA_ERASED.type());
        assertEquals("notification-service", erased.data().get("service").asText());
        assertEquals(user, erased.data().get("userId").asText());

        assertEquals(0, rows("SELECT count(*) FROM notification WHERE user_id = ?", user));
        assertEquals(0, rows("SELECT count(*) FROM preference WHERE user_id = ?", user));
        assertEquals(0, rows("SELECT count(*) FROM mood_entry WHERE user_id = ?", user));
        assertEquals(0, rows("SELECT count(*) FROM day_settings WHERE user_id = ?", user));
        assertEquals(0, rows("SELECT count(*) FROM checked_in_day WHERE user_id = ?", user));
        // the erased account's token, still within its lifetime, is refused (ErasedAccountFilter)
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences").then().statusCode(401);
        assertEquals(1, Api.messages(neighbour).size(), "only that user's data is erased");

        // a redelivered erasure request is not processed twice: still exactly one data-erased
        kafka.assertExactly(Topics.ACCOUNT, KafkaEvents.keyAndType(user, EventType.DATA_ERASED.type()), 1,
                Duration.ofSeconds(2));
    }

    /**
     * Topics are consumed independently: a journal entry or a milestone recorded just before the
     * erasure can arrive after it. They must not bring the erased user's rows back.
     */
    @Test
    void eventsAboutAnErasedUserThatArriveLaterAreSkipped() throws SQLException {
        String user = "el-" + UUID.randomUUID();
        Events.publish(new ErasureRequested(user, Instant.now()));
        KafkaEvents.fromConfig().await(Topics.ACCOUNT, user, EventType.DATA_ERASED.type());
        assertEquals(1, rows("SELECT count(*) FROM erased_user WHERE user_id = ?", user));

        String mood = Events.publish(Events.entry(user, 2, Instant.now()));
        String milestone = Events.publish(Events.milestone(user, 7));
        String zone = Events.publish(new app.detach.events.streak.DaySettingsChanged(user, "Asia/Tokyo",
                app.detach.events.streak.DaySettingsChanged.PIN_HOME, 2, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(mood) && processed(milestone) && processed(zone));

        assertEquals(0, rows("SELECT count(*) FROM mood_entry WHERE user_id = ?", user));
        assertEquals(0, rows("SELECT count(*) FROM notification WHERE user_id = ?", user));
        assertEquals(0, rows("SELECT count(*) FROM day_settings WHERE user_id = ?", user));
    }

    private static boolean processed(String eventId) throws SQLException {
        return rows("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1;
    }

    static long rows(String sql, String user) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
