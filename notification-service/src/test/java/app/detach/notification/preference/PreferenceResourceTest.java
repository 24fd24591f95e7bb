package app.detach.notification.preference;

import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PreferenceResourceTest {

    @Test
    void answersDefaultsWhenNothingIsStored() {
        given().auth().oauth2(TestTokens.user("fresh-" + UUID.randomUUID()))
                .get("/api/notifications/preferences")
                .then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("dailyCheckIn.enabled", equalTo(false))
                .body("dailyCheckIn.localTime", equalTo("20:00"))
                .body("quietHours", nullValue())
                .body("channels.inApp", equalTo(true))
                .body("channels.email", equalTo(false))
                .body("email", nullValue())
                .body("newGuides", equalTo(false))
                .body("dayStartHour", equalTo(0));
    }

    @Test
    void storesAndReturnsTheUsersOwnPreferences() {
        String alice = "alice-" + UUID.randomUUID();
        String body = """
                {"timeZone":"Europe/Paris","dailyCheckIn":{"enabled":true,"localTime":"21:30"},
                 "quietHours":{"start":"22:00","end":"07:00"},"channels":{"inApp":true,"email":true},
                 "email":"alice@example.com","newGuides":true}""";
        given().auth().oauth2(TestTokens.user(alice)).contentType(ContentType.JSON).body(body)
                .put("/api/notifications/preferences")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris"))
                .body("quietHours.start", equalTo("22:00"))
                .body("quietHours.end", equalTo("07:00"));

        given().auth().oauth2(TestTokens.user(alice)).get("/api/notifications/preferences")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris"))
                .body("dailyCheckIn.enabled", equalTo(true))
                .body("dailyCheckIn.localTime", equalTo("21:30"))
                .body("channels.email", equalTo(true))
                .body("email", equalTo("alice@example.com"))
                .body("newGuides", equalTo(true));

        // another user still sees defaults: preferences are per user
        given().auth().oauth2(TestTokens.user("bob-" + UUID.randomUUID())).get("/api/notifications/preferences")
                .then().body("email", nullValue()).body("newGuides", equalTo(false));

        // a second PUT replaces; no quiet hours means none
        given().auth().oauth2(TestTokens.user(alice)).contentType(ContentType.JSON)
                .body("""
                        {"timeZone":"America/New_York","dailyCheckIn":{"enabled":false,"localTime":"08:00"},
                         "channels":{"inApp":true,"email":false}}""")
                .put("/api/notifications/preferences").then().statusCode(200);
        given().auth().oauth2(TestTokens.user(alice)).get("/api/notifications/preferences")
                .then().body("quietHours", nullValue()).body("timeZone", equalTo("America/New_York"))
                .body("newGuides", equalTo(false));
    }

    @Test
    void reportsEveryInvalidFieldAsProblemJson() {
        given().auth().oauth2(TestTokens.user("v-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("""
                        {"timeZone":"Mars/Olympus","dailyCheckIn":{"enabled":true,"localTime":"25:00"},
                         "quietHours":{"start":"22:00","end":"22:00"},"channels":{"inApp":true,"email":true},
                         "email":"not-an-address"}""")
                .put("/api/notifications/preferences")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("timeZone", "dailyCheckIn.localTime", "quietHours.end", "email"));
    }

    @Test
    void requiresAnAddressForTheEmailChannelAndTheMainParts() {
        String user = "v-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body("""
                        {"timeZone":"UTC","dailyCheckIn":{"enabled":false,"localTime":"20:00"},
                         "channels":{"inApp":true,"email":true}}""")
                .put("/api/notifications/preferences")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("email"));
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body("{}")
                .put("/api/notifications/preferences")
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("timeZone", "dailyCheckIn", "channels"));
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body("{\"timeZone\": 5, \"nope\": 1}")
                .put("/api/notifications/preferences")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body("not json")
                .put("/api/notifications/preferences")
                .then().statusCode(400).contentType("application/problem+json");
        // platform/rest StrictJson: a number or a string is not a boolean
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body("""
                        {"timeZone":"UTC","dailyCheckIn":{"enabled":false,"localTime":"20:00"},
                         "channels":{"inApp":true,"email":false},"newGuides":2}""")
                .put("/api/notifications/preferences")
                .then().statusCode(400).contentType("application/problem+json");
        // platform/rest PayloadTooLarge: over quarkus.http.limits.max-body-size, a 413 problem
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"" + "x".repeat(300_000) + "\"}")
                .put("/api/notifications/preferences")
                .then().statusCode(413).contentType("application/problem+json");
        // nothing was stored by the refused requests
        given().auth().oauth2(TestTokens.user(user)).get("/api/notifications/preferences")
                .then().body("timeZone", equalTo("UTC"));
    }
}
