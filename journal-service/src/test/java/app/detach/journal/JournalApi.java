package app.detach.journal;

import app.detach.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Shortcuts for the tests: the journal API as one user sees it. */
public final class JournalApi {

    private final String token;

    private JournalApi(String userId) {
        this.token = TestTokens.user(userId);
    }

    public static JournalApi as(String userId) {
        return new JournalApi(userId);
    }

    public static Map<String, Object> entry(String body, int mood, int urge, String... emotions) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("body", body);
        entry.put("mood", mood);
        entry.put("urge", urge);
        entry.put("emotions", List.of(emotions));
        return entry;
    }

    public ValidatableResponse post(Object json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post("/api/journal/entries").then();
    }

    /** Creates an entry and returns its id. */
    public String create(String body, int mood, int urge, String... emotions) {
        return post(entry(body, mood, urge, emotions)).statusCode(201).extract().path("id");
    }

    public ValidatableResponse get(String id) {
        return given().auth().oauth2(token).get("/api/journal/entries/{id}", id).then();
    }

    public ValidatableResponse put(String id, Object json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .put("/api/journal/entries/{id}", id).then();
    }

    public ValidatableResponse delete(String id) {
        return given().auth().oauth2(token).delete("/api/journal/entries/{id}", id).then();
    }

    public ValidatableResponse list(Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/journal/entries").then();
    }

    public ValidatableResponse get(String path, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(path).then();
    }
}
