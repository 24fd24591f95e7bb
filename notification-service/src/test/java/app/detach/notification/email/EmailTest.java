package app.detach.notification.email;

import app.detach.notification.Api;
import app.detach.notification.Events;
import app.detach.notification.GreenMailTestResource;
import app.detach.notification.rule.RulesTest;
import app.detach.notification.rule.Texts;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
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

        MimeMessage mail = awaitMails(address, 1).get(0);
        assertEquals("Two months", mail.getSubject());
        assertTrue(mail.getFrom()[0].toString().contains("no-reply@detach.local"));
        String html = part(mail, "text/html");
        String text = part(mail, "text/plain");
        assertTrue(html.contains("Sixty days."), html);
        assertTrue(text.contains("Sixty days."), text);
        assertTrue(text.contains("http://localhost:8080" + Texts.STREAK_LINK), text);

        Matcher link = Pattern.compile("/unsubscribe\\?token=([A-Za-z0-9_\\-.]+)").matcher(text);
        assertTrue(link.find(), text);
        String token = link.group(1);
        assertTrue(html.contains(token), "the HTML part carries the same link");

        // no login needed; a forged token is refused
        given().queryParam("token", token.substring(0, token.length() - 2) + "xx").get("/unsubscribe")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("token", token).get("/unsubscribe")
                .then().statusCode(200).body(containsString("not get emails"));
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences")
                .then().body("channels.email", equalTo(false)).body("email", equalTo(address));

        // after unsubscribing, messages still arrive in the app but no email is written
        RulesTest.barrier(user);
        assertEquals(List.of("NONE"), statuses(user, "One year"));
        assertEquals(List.of("SENT"), statuses(user, "Two months"));
        assertEquals(1, mailsTo(address).size());
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
        assertEquals(0, mailsTo(user + "@example.org").size());
    }

    static List<MimeMessage> awaitMails(String address, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> mailsTo(address), l -> l.size() == count);
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(GreenMailTestResource.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String part(MimeMessage mail, String type) throws Exception {
        Object content = mail.getContent();
        if (content instanceof MimeMultipart multipart) {
            String found = find(multipart, type);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no " + type + " part in " + GreenMailUtil.getWholeMessage(mail));
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        return null;
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
