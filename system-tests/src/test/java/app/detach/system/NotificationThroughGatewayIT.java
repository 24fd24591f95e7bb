package app.detach.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * notification-service through the real gateway and Keycloak with a bearer token: preferences
 * (read, update, validation), then a message (an admin broadcast) in the inbox, the unread count,
 * and marking it read. Uses the admin account so the demo account's inbox stays untouched for
 * the other system tests.
 */
@ExtendWith(Stack.class)
class NotificationThroughGatewayIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @Test
    void preferencesInboxAndUnreadCountThroughTheGateway() {
        String token = Tokens.password("admin", "admin");

        given().auth().oauth2(token).get(gateway.resolve("/api/notifications/preferences"))
                .then().statusCode(200).body("dailyCheckIn.enabled", equalTo(false));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"timeZone":"Europe/Paris","dailyCheckIn":{"enabled":true,"localTime":"21:00"},
                         "channels":{"inApp":true,"email":false},"newGuides":true}""")
                .put(gateway.resolve("/api/notifications/preferences"))
                .then().statusCode(200).body("timeZone", equalTo("Europe/Paris"));
        given().auth().oauth2(token).get(gateway.resolve("/api/notifications/preferences"))
                .then().statusCode(200)
                .body("dailyCheckIn.localTime", equalTo("21:00"))
                .body("newGuides", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Nowhere/Land\"}")
                .put(gateway.resolve("/api/notifications/preferences"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("timeZone"));

        int unreadBefore = given().auth().oauth2(token).get(gateway.resolve("/api/notifications/unread-count"))
                .then().statusCode(200).extract().path("count");

        String title = "System test " + UUID.randomUUID();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"body\":\"Hello from the system test.\"}")
                .post(gateway.resolve("/api/admin/notifications/broadcast"))
                .then().statusCode(202).body("recipients", greaterThanOrEqualTo(1));

        // the broadcast is a fan-out job delivered right after the 202 (notification-service FanOutWorker)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get(gateway.resolve("/api/notifications/unread-count"))
                .then().statusCode(200).body("count", equalTo(unreadBefore + 1)));
        String id = given().auth().oauth2(token).get(gateway.resolve("/api/notifications?unreadOnly=true&limit=100"))
                .then().statusCode(200)
                .body("items.title", hasItem(title))
                .extract().path("items.find { it.title == '" + title + "' }.id");

        given().auth().oauth2(token).post(gateway.resolve("/api/notifications/" + id + "/read"))
                .then().statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(token).get(gateway.resolve("/api/notifications/unread-count"))
                .then().statusCode(200).body("count", equalTo(unreadBefore));

        // another user cannot touch it
        given().auth().oauth2(Tokens.password("demo", "demo")).post(gateway.resolve("/api/notifications/" + id + "/read"))
                .then().statusCode(404).contentType("application/problem+json");
        // and a plain user cannot broadcast
        given().auth().oauth2(Tokens.password("demo", "demo")).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"body\":\"y\"}")
                .post(gateway.resolve("/api/admin/notifications/broadcast"))
                .then().statusCode(403);
    }
}
