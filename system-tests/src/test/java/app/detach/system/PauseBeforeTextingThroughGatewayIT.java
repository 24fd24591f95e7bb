package app.detach.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 11's journal and notification parts through the real gateway and Keycloak: the pause
 * before texting (an encrypted unsent draft, decided once, invisible to another user), the user's
 * reasons, the archive documents, and a snooze with no check-in to snooze. Uses the admin account
 * and leaves its journal as it found it (the draft is deleted, the reasons cleared), so the demo
 * account stays untouched for the other tests.
 */
@ExtendWith(Stack.class)
class PauseBeforeTextingThroughGatewayIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @Test
    void aDraftIsWrittenKeptUnsentAndDeletedAndNobodyElseSeesIt() {
        String writer = Tokens.password("admin", "admin");
        String other = Tokens.password("demo", "demo");
        String text = "I just want to know how you are.";

        String id = given().auth().oauth2(writer).contentType(ContentType.JSON)
                .body(Map.of("body", text, "timeZone", "Europe/Paris"))
                .post(gateway.resolve("/api/journal/drafts"))
                .then().statusCode(201)
                .body("body", equalTo(text))
                .body("pauseUntil", notNullValue())
                .body("outcome", nullValue())
                .extract().path("id");
        try {
            given().auth().oauth2(other).get(gateway.resolve("/api/journal/drafts/" + id))
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(other).get(gateway.resolve("/api/journal/drafts"))
                    .then().statusCode(200).body("items.id", not(hasItem(id)));
            given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("outcome", "SENT"))
                    .post(gateway.resolve("/api/journal/drafts/" + id + "/outcome")).then().statusCode(404);

            given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("outcome", "KEPT_UNSENT"))
                    .post(gateway.resolve("/api/journal/drafts/" + id + "/outcome"))
                    .then().statusCode(200).body("outcome", equalTo("KEPT_UNSENT")).body("decidedAt", notNullValue());
            given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("outcome", "SENT"))
                    .post(gateway.resolve("/api/journal/drafts/" + id + "/outcome")).then().statusCode(409);
            given().auth().oauth2(writer).get(gateway.resolve("/api/journal/drafts"))
                    .then().statusCode(200).body("items.id", hasItem(id));
            given().auth().oauth2(writer).get(gateway.resolve("/api/journal/archive"))
                    .then().statusCode(200).body("version", equalTo(1)).body("drafts.body", hasItem(text));
        } finally {
            given().auth().oauth2(writer).delete(gateway.resolve("/api/journal/drafts/" + id))
                    .then().statusCode(204);
        }
        given().auth().oauth2(writer).get(gateway.resolve("/api/journal/drafts/" + id)).then().statusCode(404);
    }

    @Test
    void reasonsArchivesAndSnoozeAnswerThroughTheGateway() {
        String user = Tokens.password("admin", "admin");
        try {
            given().auth().oauth2(user).contentType(ContentType.JSON)
                    .body(Map.of("reasons", List.of("I deserve peace", "I sleep again")))
                    .put(gateway.resolve("/api/journal/reasons")).then().statusCode(200);
            given().auth().oauth2(user).get(gateway.resolve("/api/journal/reasons"))
                    .then().statusCode(200).body("reasons", contains("I deserve peace", "I sleep again"));
        } finally {
            given().auth().oauth2(user).contentType(ContentType.JSON).body(Map.of("reasons", List.of()))
                    .put(gateway.resolve("/api/journal/reasons")).then().statusCode(200);
        }
        given().auth().oauth2(user).contentType(ContentType.JSON).body("{\"version\":2}")
                .post(gateway.resolve("/api/journal/archive"))
                .then().statusCode(400).body("errors.field", hasItem("version"));

        given().auth().oauth2(user).get(gateway.resolve("/api/notifications/archive"))
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(user).get(gateway.resolve("/api/notifications/preferences"))
                .then().statusCode(200).body("dayStartHour", notNullValue());
        // 409 unless admin's daily check-in (21:00 Paris, set by NotificationThroughGatewayIT) was shown today
        given().auth().oauth2(user).post(gateway.resolve("/api/notifications/check-in/snooze"))
                .then().statusCode(anyOf(equalTo(200), equalTo(409)));
    }
}
