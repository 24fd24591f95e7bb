package app.detach.gateway;

import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/me/archive}: one document from the services' own archive endpoints, fetched with the
 * user's token, and an import that restores streak, journal and notifications in that order
 * ({@link EchoUpstream} stands for the services' archive endpoints).
 */
@QuarkusTest
class ArchiveTest {

    @Test
    void exportCollectsEachServicesPartAsTheUserIntoOneDownload() {
        String token = TestTokens.user("archive-export");
        Response response = given().auth().oauth2(token)
                .when().get("/api/me/archive")
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("format", equalTo("detach-archive"))
                .body("version", equalTo(1))
                .body("exportedAt", notNullValue())
                .body("journal.path", equalTo("/api/journal/archive"))
                .body("streak.path", equalTo("/api/streak/archive"))
                .body("notifications.path", equalTo("/api/notifications/archive"))
                .body("journal.authorization", equalTo("Bearer " + token))
                .body("streak.authorization", equalTo("Bearer " + token))
                .body("notifications.authorization", equalTo("Bearer " + token))
                .extract().response();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String disposition = response.header("Content-Disposition");
        assertTrue(disposition.equals("attachment; filename=\"detach-archive-" + today + ".json\"")
                        || disposition.contains("detach-archive-" + LocalDate.now(ZoneOffset.UTC).minusDays(1)),
                disposition);
        // the documented field order: format, version, exportedAt, journal, streak, notifications
        String body = response.asString();
        assertTrue(body.indexOf("\"journal\"") < body.indexOf("\"streak\"")
                && body.indexOf("\"streak\"") < body.indexOf("\"notifications\""), body);
    }

    @Test
    void aServiceThatCannotAnswerFailsTheExportWithA503NamingIt() {
        given().auth().oauth2(TestTokens.user("broken-archive"))
                .when().get("/api/me/archive")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("no archive was made"));
    }

    @Test
    void importRestoresStreakThenJournalThenNotificationsAsTheUser() {
        String user = "archive-import-" + System.nanoTime();
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json")
                .body("""
                        {"format":"detach-archive","version":1,"exportedAt":"2026-01-01T00:00:00Z",
                         "journal":{"version":1,"items":3},"streak":{"version":1,"items":2},
                         "notifications":{"version":1,"items":1}}""")
                .when().post("/api/me/archive")
                .then().statusCode(201)
                .body("restored.streak.items", equalTo(2))
                .body("restored.journal.items", equalTo(3))
                .body("restored.notifications.items", equalTo(1));
        List<String> posts = posts(user);
        assertEquals(List.of(
                "/api/streak/archive " + user + " {\"version\":1,\"items\":2}",
                "/api/journal/archive " + user + " {\"version\":1,\"items\":3}",
                "/api/notifications/archive " + user + " {\"version\":1,\"items\":1}"), posts);
    }

    @Test
    void aMissingOrNullPartIsSkipped() {
        String user = "archive-partial-" + System.nanoTime();
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json")
                .body("{\"format\":\"detach-archive\",\"version\":1,\"journal\":null,\"notifications\":{\"items\":1}}")
                .when().post("/api/me/archive")
                .then().statusCode(201)
                .body("restored.notifications.items", equalTo(1))
                .body("restored.journal", nullValue())
                .body("restored.streak", nullValue());
        assertEquals(1, posts(user).size());
    }

    @Test
    void aConflictStopsTheImportAnd409NamesWhatWasAlreadyRestored() {
        String user = "archive-conflict-" + System.nanoTime();
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json")
                .body("""
                        {"format":"detach-archive","version":1,"streak":{"items":2},
                         "journal":{"echoStatus":409},"notifications":{"items":1}}""")
                .when().post("/api/me/archive")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("part", equalTo("journal"))
                .body("restored.streak.items", equalTo(2))
                .body("detail", containsString("Already restored: streak."))
                .body("instance", equalTo("/api/me/archive"));
        // nothing after the refused part was sent
        assertEquals(2, posts(user).size());
    }

    @Test
    void aServiceRefusingItsPartIs400WithItsFieldsNamedFromTheArchiveRoot() {
        String user = "archive-refused-" + System.nanoTime();
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json")
                .body("{\"format\":\"detach-archive\",\"version\":1,\"journal\":{\"echoStatus\":400}}")
                .when().post("/api/me/archive")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("part", equalTo("journal"))
                .body("errors.field", hasItem("journal.entries[0].body"))
                .body("detail", containsString("Nothing was restored."));
    }

    @Test
    void aServiceFailingDuringImportIs503() {
        String user = "archive-failing-" + System.nanoTime();
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json")
                .body("{\"format\":\"detach-archive\",\"version\":1,\"streak\":{\"items\":1},\"notifications\":{\"echoStatus\":500}}")
                .when().post("/api/me/archive")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("part", equalTo("notifications"))
                .body("restored.streak.items", equalTo(1));
    }

    @Test
    void aFileThatIsNotADetachArchiveIs400AndReachesNoService() {
        String user = "archive-wrong-" + System.nanoTime();
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json")
                .body("{\"format\":\"other-app\",\"version\":2,\"journal\":[1,2]}")
                .when().post("/api/me/archive")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("format", "version", "journal"));
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json")
                .body("{\"format\":\"detach-archive\",\"version\":1}")
                .when().post("/api/me/archive")
                .then().statusCode(400)
                .body("detail", containsString("not a Detach archive"));
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json").body("[]")
                .when().post("/api/me/archive")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.user(user))
                .contentType("application/json").body("{not json")
                .when().post("/api/me/archive")
                .then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(List.of(), posts(user));
    }

    @Test
    void theArchiveNeedsASignedInUserAndACookieWriteNeedsTheCsrfHeader() {
        given().redirects().follow(false)
                .when().get("/api/me/archive")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().redirects().follow(false).contentType("application/json").body("{}")
                .when().post("/api/me/archive")
                .then().statusCode(403)
                .body("detail", containsString("X-Detach-Request"))
                .body("detail", not(containsString("archive")));
    }

    private static List<String> posts(String user) {
        return EchoUpstream.ARCHIVE_POSTS.stream().filter(post -> post.contains(" " + user + " ")).toList();
    }
}
