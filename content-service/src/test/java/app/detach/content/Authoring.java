package app.detach.content;

import app.detach.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Test helper: drives the admin API the way an editor would. */
public final class Authoring {

    public static final String ADMIN = "editor-1";
    public static final String ARTICLES = "/api/admin/content/articles";

    private Authoring() {
    }

    public static Map<String, Object> article(String title, String summary, String body, List<String> stages,
            List<String> tags) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", title);
        request.put("summary", summary);
        request.put("body", body);
        request.put("stages", stages);
        request.put("tags", tags);
        return request;
    }

    public static ValidatableResponse create(Map<String, Object> request) {
        return given().auth().oauth2(TestTokens.admin(ADMIN)).contentType(ContentType.JSON).body(request)
                .post(ARTICLES).then();
    }

    public static String createId(Map<String, Object> request) {
        return create(request).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse publish(String id) {
        return given().auth().oauth2(TestTokens.admin(ADMIN)).post(ARTICLES + "/" + id + "/publish").then();
    }

    /** Creates and publishes; returns the slug. */
    public static String published(Map<String, Object> request) {
        String id = createId(request);
        return publish(id).statusCode(200).extract().path("slug");
    }
}
