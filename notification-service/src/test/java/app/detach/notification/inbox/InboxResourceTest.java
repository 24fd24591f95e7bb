package app.detach.notification.inbox;

import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class InboxResourceTest {

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/notifications/unread-count");
    }

    @Test
    void unreadCountCountsOnlyTheUsersOwnUnreadMessages() {
        String alice = "alice-" + UUID.randomUUID();
        insertNotification(alice, false);
        insertNotification(alice, false);
        insertNotification(alice, true);
        insertNotification("bob-" + UUID.randomUUID(), false);

        given().auth().oauth2(TestTokens.user(alice))
                .get("/api/notifications/unread-count")
                .then().statusCode(200)
                .body("count", equalTo(2));
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/notifications/unread-count");
    }

    private static void insertNotification(String userId, boolean read) {
        TestDatabase.update("INSERT INTO notification (id, user_id, kind, title, read_at) VALUES (?, ?, ?, ?, "
                + (read ? "now()" : "NULL") + ")", UUID.randomUUID(), userId, "test", "A message");
    }
}
