package app.detach.notification;

import app.detach.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Small helpers over the service's HTTP API for the tests. */
public final class Api {

    private Api() {
    }

    /** The user's visible messages (first page of 100), newest first. */
    public static List<Map<String, Object>> messages(String user) {
        return given().auth().oauth2(TestTokens.user(user)).get("/api/notifications?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until the user's inbox satisfies {@code condition}, then returns it. */
    public static List<Map<String, Object>> awaitMessages(String user, Predicate<List<Map<String, Object>>> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> messages(user), condition::test);
    }

    public static JsonPath putPreferences(String user, String json) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(json)
                .put("/api/notifications/preferences")
                .then().statusCode(200).extract().jsonPath();
    }

    public static String preferences(String zone, String quiet, boolean checkIn, String checkInTime, boolean newGuides) {
        return """
                {"timeZone":"%s","dailyCheckIn":{"enabled":%s,"localTime":"%s"},%s
                 "channels":{"inApp":true,"email":false},"newGuides":%s}"""
                .formatted(zone, checkIn, checkInTime, quiet == null ? "" : "\"quietHours\":" + quiet + ",", newGuides);
    }
}
