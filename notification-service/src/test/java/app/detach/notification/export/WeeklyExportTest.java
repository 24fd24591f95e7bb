package app.detach.notification.export;

import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.notification.Mails;
import app.detach.notification.TestClock;
import app.detach.notification.rule.RulesTest;
import app.detach.notification.rule.Texts;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly export email end to end in the service: opt-in through the preferences, the scheduler
 * against a moved clock, a real SMTP server (GreenMail), and the unsubscribe link.
 */
@QuarkusTest
class WeeklyExportTest {

    // Wednesday 2 December 2026, 11:00 UTC = 12:00 in Paris
    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T11:00:00Z");
    private static final Instant SUNDAY_TEN_PARIS = Instant.parse("2026-12-06T09:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void emailsALinkToTheArchiveEachSundayAndNeverTheArchiveItself() throws Exception {
        String user = "weekly-" + UUID.randomUUID();
        String address = user + "@example.org";
        clock.set(WEDNESDAY);
        // the email channel stays off: the weekly export has its own switch
        Api.putPreferences(user, prefs(address, false, true)).getBoolean("weeklyExport");
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences")
                .then().body("weeklyExport", equalTo(true));
        assertEquals(SUNDAY_TEN_PARIS, nextExport(user));

        clock.set(SUNDAY_TEN_PARIS.plusSeconds(5));
        MimeMessage mail = Mails.await(address, 1).get(0);
        assertEquals(Texts.WEEKLY_EXPORT.title(), mail.getSubject());
        String text = Mails.part(mail, "text/plain");
        assertTrue(text.contains("http://localhost:8080" + Texts.ARCHIVE_LINK), text);
        assertTrue(text.contains("asked for a weekly export"), text);
        assertEquals(List.of(), Mails.attachments(mail), "the archive is never attached");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> SUNDAY_TEN_PARIS.plus(Duration.ofDays(7)).equals(nextExport(user)));
        assertEquals(List.of(Map.of("kind", "weekly-export", "link", Texts.ARCHIVE_LINK)),
                Api.messages(user).stream().map(m -> Map.of("kind", m.get("kind"), "link", m.get("link"))).toList());

        // routine messages still follow the email channel, which is off
        Events.publish(Events.milestone(user, 60));
        Api.awaitMessages(user, l -> l.size() == 2);
        RulesTest.barrier(user);
        assertEquals(1, Mails.to(address).size());

        // the unsubscribe link of that email stops it
        Matcher link = Pattern.compile("/unsubscribe\\?token=([A-Za-z0-9_\\-.]+)").matcher(text);
        assertTrue(link.find(), text);
        given().queryParam("token", link.group(1)).post("/unsubscribe").then().statusCode(200);
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences")
                .then().body("weeklyExport", equalTo(false)).body("email", equalTo(address));
        assertEquals(null, nextExport(user));
    }

    @Test
    void aWeekIsEmailedOnceEvenWhenItsRowIsDueAgain() throws Exception {
        String user = "weekly2-" + UUID.randomUUID();
        String address = user + "@example.org";
        clock.set(WEDNESDAY);
        Api.putPreferences(user, prefs(address, true, true));
        clock.set(SUNDAY_TEN_PARIS.plusSeconds(5));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Api.messages(user).size() == 1);

        // as if a replica crashed after writing the message but before moving the schedule
        TestDatabase.update("UPDATE preference SET next_export_at = ? WHERE user_id = ?", Timestamp.from(SUNDAY_TEN_PARIS), user);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> SUNDAY_TEN_PARIS.plus(Duration.ofDays(7)).equals(nextExport(user)));
        assertEquals(1, Api.messages(user).size());
        assertEquals(1, Mails.await(address, 1).size());
    }

    @Test
    void switchingItOffUnschedulesItAndItNeedsAnAddress() throws Exception {
        String user = "weekly3-" + UUID.randomUUID();
        clock.set(WEDNESDAY);
        Api.putPreferences(user, prefs(user + "@example.org", false, true));
        assertEquals(SUNDAY_TEN_PARIS, nextExport(user));
        Api.putPreferences(user, prefs(user + "@example.org", false, false));
        assertEquals(null, nextExport(user));

        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body(prefs(null, false, true)).put("/api/notifications/preferences")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        assertFalse(Api.messages(user).stream().anyMatch(m -> "weekly-export".equals(m.get("kind"))));
    }

    private static String prefs(String address, boolean emailChannel, boolean weeklyExport) {
        return """
                {"timeZone":"Europe/Paris","dailyCheckIn":{"enabled":false,"localTime":"20:00"},
                 "channels":{"inApp":true,"email":%s},"email":%s,"weeklyExport":%s}"""
                .formatted(emailChannel, address == null ? "null" : "\"" + address + "\"", weeklyExport);
    }

    static Instant nextExport(String user) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT next_export_at FROM preference WHERE user_id = ?")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Timestamp t = r.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }
}
