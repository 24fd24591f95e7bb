package app.detach.notification.archive;

import app.detach.notification.Api;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ArchiveTest {

    private static final String PATH = "/api/notifications/archive";

    @Test
    void aUserWithoutPreferencesExportsNone() {
        get("nothing-" + UUID.randomUUID()).statusCode(200).header("Cache-Control", "no-store")
                .body("version", equalTo(1)).body("preferences", nullValue());
    }

    @Test
    void preferencesGoToAnotherAccountOnceAndOnlyIntoOneWithout() {
        String alice = "prefs-exporter-" + UUID.randomUUID();
        Api.putPreferences(alice, """
                {"timeZone":"Europe/Oslo","dailyCheckIn":{"enabled":true,"localTime":"21:15"},
                 "quietHours":{"start":"22:00","end":"07:00"},"channels":{"inApp":true,"email":true},
                 "email":"alice@example.com","newGuides":true}""");
        String archive = get(alice).statusCode(200)
                .body("preferences.timeZone", equalTo("Europe/Oslo"))
                .body("preferences.dayStartHour", equalTo(0))
                .extract().asString();

        String bob = "prefs-importer-" + UUID.randomUUID();
        post(bob, archive).statusCode(201).body("restored.preferences", equalTo(1));
        given().auth().oauth2(TestTokens.user(bob)).get("/api/notifications/preferences").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Oslo"))
                .body("dailyCheckIn.enabled", equalTo(true))
                .body("dailyCheckIn.localTime", equalTo("21:15"))
                .body("quietHours.start", equalTo("22:00"))
                .body("channels.email", equalTo(true))
                .body("email", equalTo("alice@example.com"))
                .body("newGuides", equalTo(true));
        post(bob, archive).statusCode(409).contentType("application/problem+json");
        post(alice, archive).statusCode(409);

        String carol = "no-prefs-" + UUID.randomUUID();
        post(carol, "{\"version\":1,\"preferences\":null}").statusCode(201).body("restored.preferences", equalTo(0));
        get(carol).body("preferences", nullValue());
    }

    @Test
    void aBadArchiveIsAProblemNamingTheFields() {
        String user = "bad-" + UUID.randomUUID();
        post(user, "{\"version\":2,\"preferences\":null}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("version"));
        post(user, "{\"preferences\":null}").statusCode(400).body("errors.field", hasItem("version"));
        post(user, """
                {"version":1,"preferences":{"timeZone":"Nowhere","dailyCheckIn":{"enabled":true,"localTime":"25:00"},
                 "channels":{"inApp":true,"email":true}}}""").statusCode(400)
                .body("errors.field", hasItems("preferences.timeZone", "preferences.dailyCheckIn.localTime",
                        "preferences.email"));
        post(user, "{\"version\":1,\"inbox\":[]}").statusCode(400);
        post(user, "[]").statusCode(400);
        get(user).body("preferences", nullValue());
    }

    private static ValidatableResponse get(String user) {
        return given().auth().oauth2(TestTokens.user(user)).get(PATH).then();
    }

    private static ValidatableResponse post(String user, String body) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(body).post(PATH).then();
    }
}
