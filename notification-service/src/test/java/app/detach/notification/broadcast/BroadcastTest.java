package app.detach.notification.broadcast;

import app.detach.notification.Api;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void reachesEveryKnownUserOnce() {
        String a = "ba-" + UUID.randomUUID();
        String b = "bb-" + UUID.randomUUID();
        Api.putPreferences(a, Api.preferences("Europe/Rome", null, false, "20:00", false));
        Api.putPreferences(b, Api.preferences("Asia/Tokyo", null, false, "20:00", false));
        String title = "Maintenance " + UUID.randomUUID();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"body\":\"We will be back in a moment.\",\"link\":\"/help\"}")
                .post("/api/admin/notifications/broadcast")
                .then().statusCode(202).body("recipients", greaterThanOrEqualTo(2));

        for (String user : List.of(a, b)) {
            List<Map<String, Object>> inbox = Api.messages(user);
            assertEquals(1, inbox.size());
            assertEquals(title, inbox.get(0).get("title"));
            assertEquals("broadcast", inbox.get(0).get("kind"));
        }
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
