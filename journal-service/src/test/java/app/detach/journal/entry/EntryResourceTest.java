package app.detach.journal.entry;

import app.detach.journal.JournalApi;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static app.detach.journal.JournalApi.entry;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EntryResourceTest {

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/journal/entries");
        ServiceChecks.refusesCallersWithoutAValidToken("/api/journal/entries/" + UUID.randomUUID());
    }

    @Test
    void aNewUserHasAnEmptyJournal() {
        JournalApi.as("new-" + UUID.randomUUID()).list(Map.of())
                .statusCode(200)
                .body("items", empty())
                .body("nextCursor", nullValue());
    }

    @Test
    void createReadUpdateAndDeleteAnEntry() {
        JournalApi alice = JournalApi.as("alice-" + UUID.randomUUID());
        var created = alice.post(entry("  Walked by the lake instead of texting. 🌊  ", 6, 4, "proud", "tired"))
                .statusCode(201)
                .contentType("application/json")
                .body("body", equalTo("Walked by the lake instead of texting. 🌊"))
                .body("mood", equalTo(6))
                .body("urge", equalTo(4))
                .body("emotions", contains("proud", "tired"))
                .body("promptId", nullValue())
                .body("noContactDay", nullValue())
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/journal/entries/" + id));

        alice.get(id).statusCode(200)
                .body("id", equalTo(id))
                .body("body", equalTo("Walked by the lake instead of texting. 🌊"))
                .body("emotions", contains("proud", "tired"));

        Map<String, Object> changed = entry("Called my sister instead.", 7, 2, "relieved");
        changed.put("promptId", "fd-02");
        alice.put(id, changed).statusCode(200)
                .body("body", equalTo("Called my sister instead."))
                .body("mood", equalTo(7))
                .body("urge", equalTo(2))
                .body("emotions", contains("relieved"))
                .body("promptId", equalTo("fd-02"));
        alice.get(id).statusCode(200).body("body", equalTo("Called my sister instead.")).body("promptId", equalTo("fd-02"));

        alice.delete(id).statusCode(204);
        alice.get(id).statusCode(404).contentType("application/problem+json");
        alice.delete(id).statusCode(404);
    }

    @Test
    void anotherUsersEntryIsNotFoundForEveryMethod() {
        JournalApi alice = JournalApi.as("alice-" + UUID.randomUUID());
        JournalApi mallory = JournalApi.as("mallory-" + UUID.randomUUID());
        String id = alice.create("Private thoughts.", 5, 5);

        mallory.get(id).statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        mallory.put(id, entry("overwritten", 1, 10)).statusCode(404);
        mallory.delete(id).statusCode(404);
        mallory.list(Map.of()).statusCode(200).body("items.id", not(hasItem(id)));
        // the same answer as for an id that does not exist at all
        mallory.get(UUID.randomUUID().toString()).statusCode(404);
        mallory.get("not-a-uuid").statusCode(404);

        alice.get(id).statusCode(200).body("body", equalTo("Private thoughts.")).body("mood", equalTo(5));
    }

    @Test
    void eachUserListsOnlyTheirOwnEntriesNewestFirst() {
        JournalApi alice = JournalApi.as("alice-" + UUID.randomUUID());
        String older = alice.create("first", 5, 5);
        String newer = alice.create("second", 5, 5);
        JournalApi.as("bob-" + UUID.randomUUID()).create("bob's", 5, 5);

        alice.list(Map.of()).statusCode(200).body("items.id", contains(newer, older));
    }

    @Test
    void anOutOfRangeLimitIs400NamingTheParameter() {
        for (String limit : new String[] {"101", "0", "-1", "ten"}) {
            given().auth().oauth2(TestTokens.user("alice"))
                    .queryParam("limit", limit)
                    .get("/api/journal/entries")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem("limit"));
        }
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/journal/entries");
    }
}
