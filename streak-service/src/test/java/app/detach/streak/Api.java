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

    public static ValidatableResponse get(String user, String path) {
        return given().auth().oauth2(TestTokens.user(user)).get(path).then();
    }
}
