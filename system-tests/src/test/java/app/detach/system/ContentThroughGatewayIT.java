package app.detach.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The guide library end to end: real Keycloak tokens, the gateway's routing, content-service with
 * its shipped library, search and today's reading, and the admin authoring API.
 */
@ExtendWith(Stack.class)
class ContentThroughGatewayIT {

    private static URI gateway;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @Test
    void aReaderListsReadsAndSearchesTheLibraryAndGetsTodaysReading() {
        String token = Tokens.password("demo", "demo");

        given().auth().oauth2(token).get(gateway.resolve("/api/content/articles?limit=100"))
                .then().statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(24))
                .body("items.slug", hasItem("the-first-72-hours"));
        given().auth().oauth2(token).get(gateway.resolve("/api/content/articles/the-first-72-hours"))
                .then().statusCode(200)
                .body("title", equalTo("The first 72 hours"))
                .body("html", containsString("<h2>"));
        given().auth().oauth2(token).queryParam("q", "urge").get(gateway.resolve("/api/content/articles"))
                .then().statusCode(200)
                .body("items[0].slug", equalTo("riding-out-an-urge"));
        given().auth().oauth2(token).queryParam("stage", "after-a-slip").get(gateway.resolve("/api/content/articles"))
                .then().statusCode(200)
                .body("items.slug", hasItem("after-a-slip"));
        given().auth().oauth2(token).get(gateway.resolve("/api/content/today"))
                .then().statusCode(200)
                .body("article.slug", not(emptyOrNullString()))
                .body("reason", not(emptyOrNullString()));
        given().auth().oauth2(token).get(gateway.resolve("/api/content/resources?country=GB"))
                .then().statusCode(200)
                .body("emergency", containsString("emergency"))
                .body("items.name", hasItem("Samaritans"));
    }

    @Test
    void anAdminPublishesAnArticleThatReadersCanReadAndUsersCannotAuthor() {
        String admin = Tokens.password("admin", "admin");
        String user = Tokens.password("demo", "demo");
        Map<String, Object> article = Map.of(
                "title", "A note from the editors " + UUID.randomUUID().toString().substring(0, 8),
                "summary", "Written through the gateway.",
                "body", "Hello **readers**.",
                "stages", List.of("growth"),
                "tags", List.of("news"));

        given().auth().oauth2(user).contentType(ContentType.JSON).body(article)
                .post(gateway.resolve("/api/admin/content/articles"))
                .then().statusCode(403).contentType("application/problem+json");

        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(article)
                .post(gateway.resolve("/api/admin/content/articles"))
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        String slug = given().auth().oauth2(admin)
                .post(gateway.resolve("/api/admin/content/articles/" + id + "/publish"))
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).extract().path("slug");

        given().auth().oauth2(user).get(gateway.resolve("/api/content/articles/" + slug))
                .then().statusCode(200).body("html", containsString("<strong>readers</strong>"));
        given().auth().oauth2(admin).get(gateway.resolve("/api/admin/content/audit"))
                .then().statusCode(200).body("items.targetId", hasItem(id));
        given().auth().oauth2(user).post(gateway.resolve("/api/admin/content/articles/" + id + "/retract"))
                .then().statusCode(403);
        given().auth().oauth2(admin).post(gateway.resolve("/api/admin/content/articles/" + id + "/retract"))
                .then().statusCode(200).body("status", equalTo("RETRACTED"));
        given().auth().oauth2(user).get(gateway.resolve("/api/content/articles/" + slug))
                .then().statusCode(404);
    }
}
