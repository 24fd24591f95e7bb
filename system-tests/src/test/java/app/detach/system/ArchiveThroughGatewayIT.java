package app.detach.system;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /api/me/archive} through the real gateway, Keycloak and services: one account's data
 * (streak, an urge, a journal entry, an unsent draft, reasons, preferences) is exported as one
 * document and imported into a new, empty account, which then has it; a second import is refused
 * with what was already restored, and a file that is not an archive is refused before any service.
 */
@ExtendWith(Stack.class)
class ArchiveThroughGatewayIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @Test
    void anArchiveMovesEverythingIntoAnEmptyAccountOnce() {
        String source = token("archivesrc");
        String words = "The evening walk helped " + UUID.randomUUID();
        String draft = "I still think about you " + UUID.randomUUID();

        given().auth().oauth2(source).contentType(ContentType.JSON)
                .body(Map.of("startedAt", Instant.now().minusSeconds(3 * 86_400).toString(),
                        "timeZone", "Europe/Berlin", "socialMediaCheckBreaks", false))
                .put(gateway.resolve("/api/streak")).then().statusCode(200);
        given().auth().oauth2(source).contentType(ContentType.JSON)
                .body(Map.of("intensity", 6, "timeZone", "Europe/Berlin"))
                .post(gateway.resolve("/api/streak/urges")).then().statusCode(201);
        given().auth().oauth2(source).contentType(ContentType.JSON)
                .body(Map.of("body", words, "mood", 6, "urge", 3, "emotions", List.of("calm"), "timeZone", "Europe/Berlin"))
                .post(gateway.resolve("/api/journal/entries")).then().statusCode(201);
        given().auth().oauth2(source).contentType(ContentType.JSON)
                .body(Map.of("body", draft, "timeZone", "Europe/Berlin"))
                .post(gateway.resolve("/api/journal/drafts")).then().statusCode(201);
        given().auth().oauth2(source).contentType(ContentType.JSON)
                .body(Map.of("reasons", List.of("I deserve calm")))
                .put(gateway.resolve("/api/journal/reasons")).then().statusCode(200);
        // the weekly export email, switched on through the gateway; it needs an address, not the email channel
        String weeklyPrefs = """
                {"timeZone":"Europe/Berlin","dailyCheckIn":{"enabled":false,"localTime":"20:00"},
                 "channels":{"inApp":true,"email":false},"email":%s,"weeklyExport":true}""";
        given().auth().oauth2(source).contentType(ContentType.JSON).body(weeklyPrefs.formatted("null"))
                .put(gateway.resolve("/api/notifications/preferences")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("email"));
        given().auth().oauth2(source).contentType(ContentType.JSON).body(weeklyPrefs.formatted("\"me@example.org\""))
                .put(gateway.resolve("/api/notifications/preferences")).then().statusCode(200)
                .body("weeklyExport", equalTo(true));

        Response export = given().auth().oauth2(source)
                .get(gateway.resolve("/api/me/archive"))
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Content-Disposition", startsWith("attachment; filename=\"detach-archive-"))
                .body("format", equalTo("detach-archive"))
                .body("version", equalTo(1))
                .body("exportedAt", notNullValue())
                .body("streak.version", equalTo(1))
                .body("journal.version", equalTo(1))
                .body("notifications.version", equalTo(1))
                .extract().response();
        String archive = export.asString();
        assertTrue(archive.contains(words) && archive.contains(draft) && archive.contains("I deserve calm"),
                "entries, drafts and reasons are in the archive");

        String target = token("archivedst");
        given().auth().oauth2(target).contentType(ContentType.JSON).body(archive)
                .post(gateway.resolve("/api/me/archive"))
                .then().statusCode(201)
                .body("restored.streak", notNullValue())
                .body("restored.journal", notNullValue())
                .body("restored.notifications", notNullValue());
        given().auth().oauth2(target).get(gateway.resolve("/api/journal/entries"))
                .then().statusCode(200).body("items.body", hasItem(words));
        given().auth().oauth2(target).get(gateway.resolve("/api/journal/drafts"))
                .then().statusCode(200).body("items.body", hasItem(draft));
        given().auth().oauth2(target).get(gateway.resolve("/api/streak"))
                .then().statusCode(200)
                .body("urgesResisted", equalTo(1))
                .body("timeZone", equalTo("Europe/Berlin"));
        given().auth().oauth2(target).get(gateway.resolve("/api/notifications/preferences"))
                .then().statusCode(200)
                .body("weeklyExport", equalTo(true))
                .body("email", equalTo("me@example.org"));

        // the account is no longer empty: refused, saying nothing was restored this time
        given().auth().oauth2(target).contentType(ContentType.JSON).body(archive)
                .post(gateway.resolve("/api/me/archive"))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("part", equalTo("streak"))
                .body("detail", containsString("Nothing was restored"));

        // not an archive: 400, no service is asked
        given().auth().oauth2(target).contentType(ContentType.JSON)
                .body(Map.of("format", "something-else", "version", 1, "journal", Map.of()))
                .post(gateway.resolve("/api/me/archive"))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("format"));
    }

    private static String token(String prefix) {
        String password = prefix + "-pw-1";
        return Tokens.password(KeycloakUsers.create(prefix, password), password);
    }
}
