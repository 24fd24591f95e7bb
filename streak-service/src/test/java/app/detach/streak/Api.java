package app.detach.streak;

import app.detach.testing.TestTokens;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small helpers for the REST calls the tests repeat. */
public final class Api {

    private Api() {
    }

    public static ValidatableResponse start(String user, Instant startedAt, String zone, Boolean socialBreaks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("startedAt", startedAt == null ? null : startedAt.toString());
        body.put("timeZone", zone);
        if (socialBreaks != null) {
            body.put("socialMediaCheckBreaks", socialBreaks);
        }
        return given().auth().oauth2(TestTokens.user(user)).contentType("application/json").body(body)
                .put("/api/streak").then();
    }

    public static ValidatableResponse contact(String user, String kind, Instant occurredAt, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt.toString());
        }
        if (note != null) {
            body.put("note", note);
        }
        return given().auth().oauth2(TestTokens.user(user)).contentType("application/json").body(body)
                .post("/api/streak/contacts").then();
    }

    public static ValidatableResponse urge(String user, Object intensity, Instant occurredAt, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intensity", intensity);
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt.toString());
        }
        if (note != null) {
            body.put("note", note);
        }
        return given().auth().oauth2(TestTokens.user(user)).contentType("application/json").body(body)
                .post("/api/streak/urges").then();
    }

    /** A POST with a JSON body, or with none when {@code body} is null. */
    public static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(TestTokens.user(user)).contentType("application/json");
        return (body == null ? request : request.body(body)).post(path).then();
    }

    public static ValidatableResponse put(String user, String path, Object body) {
        return given().auth().oauth2(TestTokens.user(user)).contentType("application/json").body(body)
                .put(path).then();
    }

    public static ValidatableResponse delete(String user, String path) {
        return given().auth().oauth2(TestTokens.user(user)).delete(path).then();
    }

    /** The settings body of PUT /api/streak/settings. */
    public static Map<String, Object> settings(String zone, String mode, int hour, Boolean limited) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeZone", zone);
        body.put("zoneMode", mode);
        body.put("dayStartHour", hour);
        body.put("socialMediaCheckBreaks", false);
        if (limited != null) {
            body.put("limitedContact", Map.of("enabled", limited));
        }
        return body;
    }

    public static ValidatableResponse get(String user, String path) {
        return given().auth().oauth2(TestTokens.user(user)).get(path).then();
    }
}
