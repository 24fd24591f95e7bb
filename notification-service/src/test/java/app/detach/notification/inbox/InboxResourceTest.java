package app.detach.notification.inbox;

import app.detach.notification.TestClock;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class InboxResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/notifications/unread-count");
        ServiceChecks.refusesCallersWithoutAValidToken("/api/notifications");
        ServiceChecks.refusesCallersWithoutAValidToken("/api/notifications/preferences");
    }

    @Test
    void unreadCountCountsOnlyTheUsersOwnUnreadDeliveredMessages() {
        String alice = "alice-" + UUID.randomUUID();
        Instant now = Instant.now();
        insert(alice, "one", now.minusSeconds(60), false);
        insert(alice, "two", now.minusSeconds(50), false);
        insert(alice, "read", now.minusSeconds(40), true);
        insert(alice, "tomorrow", now.plus(1, ChronoUnit.DAYS), false); // deferred: not yet there
        insert("bob-" + UUID.randomUUID(), "bob's", now.minusSeconds(30), false);

        given().auth().oauth2(TestTokens.user(alice))
                .get("/api/notifications/unread-count")
                .then().statusCode(200)
                .body("count", equalTo(2));
    }

    @Test
    void listsNewestFirstWithKeysetPagesAndUnreadFilter() {
        String user = "pager-" + UUID.randomUUID();
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 5; i++) {
            insert(user, "m" + i, base.plusSeconds(i), i == 1);
        }
        // two messages at the same instant: the id breaks the tie, none is skipped or repeated
        insert(user, "same-a", base.plusSeconds(10), false);
        insert(user, "same-b", base.plusSeconds(10), false);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().auth().oauth2(TestTokens.user(user))
                    .queryParam("limit", 3)
                    .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                    .get("/api/notifications")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.title"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(7, seen.size());
        assertEquals(List.of("m4", "m3", "m2", "m1", "m0"), seen.subList(2, 7));

        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications?unreadOnly=true&limit=100")
                .then().statusCode(200)
                .body("items", hasSize(6))
                .body("items.title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("m1")))
                .body("nextCursor", nullValue());
    }

    @Test
    void rejectsBadLimitAndCursorAsProblems() {
        String user = "bad-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications?limit=0")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications?limit=101")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications?cursor=not-a-cursor!")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications?limit=abc")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications?unreadOnly=maybe")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("unreadOnly"));
    }

    @Test
    void marksOneReadAndForeignOrUnknownIdsAreNotFound() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        UUID alices = insert(alice, "for alice", Instant.now().minusSeconds(5), false);
        UUID later = insert(alice, "deferred", Instant.now().plus(2, ChronoUnit.HOURS), false);

        // Bob cannot read, mark or even learn that Alice's message exists
        given().auth().oauth2(TestTokens.user(bob)).post("/api/notifications/" + alices + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(bob)).get("/api/notifications?limit=100")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(TestTokens.user(alice)).post("/api/notifications/" + UUID.randomUUID() + "/read")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.user(alice)).post("/api/notifications/not-a-uuid/read")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.user(alice)).post("/api/notifications/" + later + "/read")
                .then().statusCode(404);

        given().auth().oauth2(TestTokens.user(alice)).post("/api/notifications/" + alices + "/read")
                .then().statusCode(200)
                .body("id", equalTo(alices.toString()))
                .body("read", equalTo(true))
                .body("readAt", notNullValue());
        given().auth().oauth2(TestTokens.user(alice)).get("/api/notifications/unread-count")
                .then().body("count", equalTo(0));
    }

    @Test
    void marksAllOwnDeliveredMessagesRead() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        insert(alice, "a1", Instant.now().minusSeconds(5), false);
        insert(alice, "a2", Instant.now().minusSeconds(4), false);
        insert(alice, "later", Instant.now().plus(1, ChronoUnit.DAYS), false);
        insert(bob, "b1", Instant.now().minusSeconds(3), false);

        given().auth().oauth2(TestTokens.user(alice)).post("/api/notifications/read-all")
                .then().statusCode(200).body("marked", equalTo(2));
        given().auth().oauth2(TestTokens.user(bob)).get("/api/notifications/unread-count")
                .then().body("count", equalTo(1));

        // the deferred message shows up unread once its time has come
        clock.set(Instant.now().plus(2, ChronoUnit.DAYS));
        given().auth().oauth2(TestTokens.user(alice)).get("/api/notifications?unreadOnly=true")
                .then().body("items.title", contains("later"));
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/notifications/unread-count");
        given().get("/q/openapi").then().body(containsString("/api/notifications/preferences"));
    }

    static UUID insert(String userId, String title, Instant deliverAt, boolean read) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("INSERT INTO notification (id, user_id, kind, title, body, created_at, deliver_at, read_at)"
                        + " VALUES (?, ?, 'test', ?, 'body', ?, ?, ?)", id, userId, title,
                Timestamp.from(deliverAt), Timestamp.from(deliverAt), read ? Timestamp.from(deliverAt) : null);
        return id;
    }
}
