package app.detach.notification.email;

import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.notification.Mails;
import app.detach.notification.rule.RulesTest;
import app.detach.notification.rule.Texts;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email through a real SMTP server (GreenMail), and the unsubscribe link without login. */
@QuarkusTest
class EmailTest {

    @Test
    void emailsOptedInUsersHtmlAndTextWithAWorkingUnsubscribeLink() throws Exception {
        String user = "mail-" + UUID.randomUUID();
        String address = user + "@example.org";
        Api.putPreferences(user, """
                {"timeZone":"Europe/Madrid","dailyCheckIn":{"enabled":false,"localTime":"20:00"},
                 "channels":{"inApp":true,"email":true},"email":"%s"}""".formatted(address));

        Events.publish(Events.milestone(user, 60));

        MimeMessage mail = Mails.await(address, 1).get(0);
        assertEquals("Two months", mail.getSubject());
        assertTrue(mail.getFrom()[0].toString().contains("no-reply@detach.local"));
        String html = Mails.part(mail, "text/html");
        String text = Mails.part(mail, "text/plain");
        assertTrue(html.contains("Sixty days."), html);
        assertTrue(text.contains("Sixty days."), text);
        assertTrue(text.contains("http://localhost:8080" + Texts.STREAK_LINK), text);

        Matcher link = Pattern.compile("/unsubscribe\\?token=([A-Za-z0-9_\\-.]+)").matcher(text);
        assertTrue(link.find(), text);
        String token = link.group(1);
        assertTrue(html.contains(token), "the HTML part carries the same link");

        // RFC 8058 one-click: mail clients POST to the List-Unsubscribe link
        assertEquals("<" + "http://localhost:8080/unsubscribe?token=" + token + ">", mail.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);

        // no login needed; a forged token is refused
        given().queryParam("token", token.substring(0, token.length() - 2) + "xx").get("/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("token", token.substring(0, token.length() - 2) + "xx").post("/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json");
        // opening the link (or a mail scanner fetching it) only asks: nothing changes yet
        given().queryParam("token", token).get("/unsubscribe")
                .then().statusCode(200).body(containsString("<form method=\"post\" action=\"/unsubscribe?token=" + token + "\""));
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences")
                .then().body("channels.email", equalTo(true));
        // the button, or the mail client's one-click POST, does it
        given().queryParam("token", token).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post("/unsubscribe")
                .then().statusCode(200).body(containsString("not get emails"));
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences")
                .then().body("channels.email", equalTo(false)).body("email", equalTo(address));

        // after unsubscribing, messages still arrive in the app but no email is written
        RulesTest.barrier(user);
        assertEquals(List.of("NONE"), statuses(user, "One year"));
        assertEquals(List.of("SENT"), statuses(user, "Two months"));
        assertEquals(1, Mails.to(address).size());
    }

    @Test
    void usersWithoutTheEmailChannelGetNoEmail() throws Exception {
        String user = "nomail-" + UUID.randomUUID();
        Api.putPreferences(user, """
                {"timeZone":"Europe/Madrid","dailyCheckIn":{"enabled":false,"localTime":"20:00"},
                 "channels":{"inApp":true,"email":false},"email":"%s@example.org"}""".formatted(user));
        Events.publish(Events.milestone(user, 90));
        Api.awaitMessages(user, l -> l.size() == 1);
        assertEquals(List.of("NONE"), statuses(user, "Ninety days"));
        assertEquals(0, Mails.to(user + "@example.org").size());
    }

    static List<String> statuses(String user, String title) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT email_status FROM notification WHERE user_id = ? AND title = ?")) {
            s.setString(1, user);
            s.setString(2, title);
            try (ResultSet r = s.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (r.next()) {
                    out.add(r.getString(1));
                }
                return out;
            }
        }
    }
}
