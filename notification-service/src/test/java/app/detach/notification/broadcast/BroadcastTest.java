package app.detach.notification.broadcast;

import app.detach.notification.Api;
import app.detach.notification.FanOuts;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BroadcastTest {

    static final String ADMIN = TestTokens.admin("admin-" + UUID.randomUUID());

    @Test
    void onlyAdminsBroadcast() {
        given().auth().oauth2(TestTokens.user("u")).contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"body\":\"b\"}").post("/api/admin/notifications/broadcast")
                .then().statusCode(403).contentType("application/problem+json");
        ServiceChecks.refusesUsersWithoutTheAdminRole("/api/admin/notifications/dead-letters");
    }

    @Test
    void answersAtOnceThenReachesEveryKnownUserOnce() {
        String a = "ba-" + UUID.randomUUID();
        String b = "bb-" + UUID.randomUUID();
        Api.putPreferences(a, Api.preferences("Europe/Rome", null, false, "20:00", false));
        Api.putPreferences(b, Api.preferences("Asia/Tokyo", null, false, "20:00", false));
        String title = "Maintenance " + UUID.randomUUID();
        long known = FanOuts.count("SELECT count(*) FROM (SELECT user_id FROM preference"
                + " UNION SELECT user_id FROM notification) u");

        // the request only records the job: the answer does not wait for the deliveries
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"body\":\"We will be back in a moment.\",\"link\":\"/help\"}")
                .post("/api/admin/notifications/broadcast")
                .then().statusCode(202).time(lessThan(5000L))
                .body("recipients", equalTo((int) known))
                .extract().path("broadcastId");
        FanOuts.awaitFinished(id);

        for (String user : List.of(a, b)) {
            List<Map<String, Object>> inbox = Api.messages(user);
            assertEquals(1, inbox.size());
            assertEquals(title, inbox.get(0).get("title"));
            assertEquals("broadcast", inbox.get(0).get("kind"));
        }
        assertEquals(List.of(), FanOuts.column("SELECT u.user_id FROM (SELECT user_id FROM preference UNION"
                + " SELECT user_id FROM notification) u WHERE (SELECT count(*) FROM notification n"
                + " WHERE n.user_id = u.user_id AND n.source_key = ?) <> 1", "broadcast:" + id),
                "every known user has exactly one copy (deferred by quiet hours or the cap or not)");
        assertEquals(known, FanOuts.count("SELECT processed FROM fan_out WHERE id = ?", id));
    }

    @Test
    void aBroadcastResumedFromAnEarlierCursorMessagesNobodyTwice() {
        String prefix = "br-" + UUID.randomUUID() + "-";
        for (int i = 0; i < 12; i++) { // more known users than one chunk (10 in tests)
            Api.putPreferences(prefix + i, Api.preferences("UTC", null, false, "20:00", false));
        }
        String id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"Hello\",\"body\":\"A word from the team.\"}")
                .post("/api/admin/notifications/broadcast")
                .then().statusCode(202).extract().path("broadcastId");
        FanOuts.awaitFinished(id);
        long copies = FanOuts.count("SELECT count(*) FROM notification WHERE source_key = ?", "broadcast:" + id);
        long chunks = FanOuts.count("SELECT chunks FROM fan_out WHERE id = ?", id);

        // as if the process died after the first chunk committed: the rest is delivered again
        String afterFirstChunk = FanOuts.column("SELECT user_id FROM notification WHERE source_key = ?"
                + " ORDER BY user_id LIMIT 10", "broadcast:" + id).get(9);
        TestDatabase.update("UPDATE fan_out SET cursor = ?, finished_at = NULL WHERE id = ?", afterFirstChunk, id);
        FanOuts.awaitFinished(id);

        assertEquals(copies, FanOuts.count("SELECT count(*) FROM notification WHERE source_key = ?", "broadcast:" + id));
        assertTrue(FanOuts.count("SELECT chunks FROM fan_out WHERE id = ?", id) > chunks, "the job ran again");
    }

    @Test
    void validatesTheMessage() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"\",\"link\":\"https://evil.example\"}")
                .post("/api/admin/notifications/broadcast")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "body", "link"));
    }
}
