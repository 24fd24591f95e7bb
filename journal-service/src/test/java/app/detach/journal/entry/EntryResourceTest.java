package app.detach.journal.entry;

import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EntryResourceTest {

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/journal/entries");
    }

    @Test
    void aNewUserHasAnEmptyJournal() {
        given().auth().oauth2(TestTokens.user("new-" + UUID.randomUUID()))
                .get("/api/journal/entries")
                .then().statusCode(200)
                .body("items", empty())
                .body("nextCursor", nullValue());
    }

    @Test
    void eachUserListsOnlyTheirOwnEntriesNewestFirst() {
        String alice = "alice-" + UUID.randomUUID();
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        UUID bobs = UUID.randomUUID();
        insertEntry(older, alice, "2026-11-01T08:00:00Z");
        insertEntry(newer, alice, "2026-11-02T08:00:00Z");
        insertEntry(bobs, "bob-" + UUID.randomUUID(), "2026-11-03T08:00:00Z");

        given().auth().oauth2(TestTokens.user(alice))
                .get("/api/journal/entries")
                .then().statusCode(200)
                .body("items.id", contains(newer.toString(), older.toString()));
    }

    @Test
    void anOutOfRangeLimitIs400NamingTheParameter() {
        given().auth().oauth2(TestTokens.user("alice"))
                .queryParam("limit", 101)
                .get("/api/journal/entries")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/journal/entries");
    }

    private static void insertEntry(UUID id, String userId, String createdAt) {
        TestDatabase.update("INSERT INTO journal_entry (id, user_id, created_at, updated_at) "
                + "VALUES (?, ?, ?::timestamptz, ?::timestamptz)", id, userId, createdAt, createdAt);
    }
}
