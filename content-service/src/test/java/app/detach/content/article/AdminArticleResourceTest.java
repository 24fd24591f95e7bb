package app.detach.content.article;

import app.detach.content.Authoring;
import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.ReceivedEvent;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.detach.content.Authoring.ARTICLES;
import static app.detach.content.Authoring.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class AdminArticleResourceTest {

    private static final String ADMIN = TestTokens.admin(Authoring.ADMIN);

    @Test
    void anEditorWritesRevisesPublishesAndRetractsAnArticle() {
        String unique = "Kestrel " + UUID.randomUUID().toString().substring(0, 8);
        // a draft: slug from the title, revision 1, sanitised HTML, reading minutes
        String id = Authoring.create(article(unique + " first thoughts", "A short summary.",
                        "Hello **there**.\n\n<script>alert(1)</script>", List.of("early"), List.of("basics")))
                .statusCode(201)
                .header("Location", containsString(ARTICLES + "/"))
                .body("status", equalTo("DRAFT"))
                .body("revision", equalTo(1))
                .body("slug", startsWith("kestrel-"))
                .body("html", containsString("<strong>there</strong>"))
                .body("html", not(containsString("<script")))
                .body("readingMinutes", equalTo(1))
                .body("createdBy", equalTo(Authoring.ADMIN))
                .extract().path("id");

        // while a draft, the slug follows the title
        String draftSlug = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(article(unique + " renamed", "Second summary.", "Body two.", List.of("early", "healing"), List.of()))
                .put(ARTICLES + "/" + id)
                .then().statusCode(200)
                .body("revision", equalTo(2))
                .body("slug", containsString("renamed"))
                .extract().path("slug");
        given().auth().oauth2(TestTokens.user("reader")).get("/api/content/articles/" + draftSlug)
                .then().statusCode(404).contentType("application/problem+json");

        // publish pins revision 2 and tells the others
        Authoring.publish(id).statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("publishedRevision", equalTo(2))
                .body("publishedAt", notNullValue());
        ReceivedEvent published = KafkaEvents.fromConfig().await(Topics.CONTENT,
                KafkaEvents.keyAndType(id, EventType.ARTICLE_PUBLISHED.type()), Duration.ofSeconds(20));
        assertEquals(id, published.subject());
        assertEquals(draftSlug, published.data().get("slug").asText());
        assertEquals("/detach/content-service", published.source());
        assertEquals(List.of("early", "healing"),
                List.of(published.data().get("stages").get(0).asText(), published.data().get("stages").get(1).asText()));

        // an edit after publishing: new revision, slug frozen, readers still see the pinned one
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(article(unique + " a completely new title", "Third summary.", "Body three.",
                        List.of("growth"), List.of()))
                .put(ARTICLES + "/" + id)
                .then().statusCode(200)
                .body("revision", equalTo(3))
                .body("publishedRevision", equalTo(2))
                .body("slug", equalTo(draftSlug));
        given().auth().oauth2(TestTokens.user("reader")).get("/api/content/articles/" + draftSlug)
                .then().statusCode(200)
                .body("title", equalTo(unique + " renamed"))
                .body("html", containsString("Body two."));

        given().auth().oauth2(ADMIN).get(ARTICLES + "/" + id + "/revisions")
                .then().statusCode(200)
                .body("number", equalTo(List.of(3, 2, 1)))
                .body("author", hasItem(Authoring.ADMIN))
                .body("createdAt", hasItem(notNullValue()))
                .body("published", equalTo(List.of(false, true, false)));

        // republishing pins revision 3; the slug is still the one readers know
        Authoring.publish(id).statusCode(200).body("publishedRevision", equalTo(3)).body("slug", equalTo(draftSlug));
        given().auth().oauth2(TestTokens.user("reader")).get("/api/content/articles/" + draftSlug)
                .then().statusCode(200).body("html", containsString("Body three."));

        // a published article cannot be deleted, only retracted
        given().auth().oauth2(ADMIN).delete(ARTICLES + "/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).post(ARTICLES + "/" + id + "/retract")
                .then().statusCode(200).body("status", equalTo("RETRACTED")).body("retractedAt", notNullValue());
        KafkaEvents.fromConfig().await(Topics.CONTENT,
                KafkaEvents.keyAndType(id, EventType.ARTICLE_RETRACTED.type()), Duration.ofSeconds(20));
        given().auth().oauth2(TestTokens.user("reader")).get("/api/content/articles/" + draftSlug)
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).post(ARTICLES + "/" + id + "/retract").then().statusCode(409);

        // every change is in the audit trail, with who did it
        given().auth().oauth2(ADMIN).get("/api/admin/content/audit?limit=100")
                .then().statusCode(200)
                .body("items.findAll { it.targetId == '" + id + "' }.action",
                        hasItems("article.created", "article.updated", "article.published", "article.retracted"))
                .body("items.findAll { it.targetId == '" + id + "' }.actor", hasItem(Authoring.ADMIN));
    }

    @Test
    void onlyANeverPublishedDraftCanBeDeleted() {
        String id = Authoring.createId(article("Draft to delete " + UUID.randomUUID(), "s", "b",
                List.of("early"), List.of()));
        given().auth().oauth2(ADMIN).delete(ARTICLES + "/" + id).then().statusCode(204);
        given().auth().oauth2(ADMIN).get(ARTICLES + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ADMIN).delete(ARTICLES + "/" + id).then().statusCode(404);
    }

    @Test
    void theSameTitleGetsADistinctSlug() {
        String title = "Same title " + UUID.randomUUID();
        String first = Authoring.published(article(title, "s", "b", List.of("early"), List.of()));
        String second = Authoring.published(article(title, "s", "b", List.of("early"), List.of()));
        assertNotEquals(first, second);
        assertEquals(first + "-2", second);
    }

    @Test
    void invalidArticlesAreRefusedWithTheFieldsNamed() {
        Authoring.create(Map.of("title", "", "summary", "s", "body", "b", "stages", List.of("early")))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        Authoring.create(article("T", "s", "b", List.of("early", "sometime", "early"), List.of("Not A Tag")))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("stages[1]", "stages[2]", "tags[0]"));
        Authoring.create(article("T", "s", "b", List.of(), List.of()))
                .statusCode(400).body("errors.field", hasItem("stages"));
        Authoring.create(article("T\u0000", "s", "b", List.of("early"), List.of()))
                .statusCode(400).body("errors.field", hasItem("title"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"title\":\"T\",\"summary\":\"s\",\"body\":\"b\",\"stages\":[\"early\"],\"colour\":\"red\"}")
                .post(ARTICLES).then().statusCode(400).body("errors.field", hasItem("colour"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{not json")
                .post(ARTICLES).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).get(ARTICLES + "?status=LOST").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(ADMIN).get(ARTICLES + "?cursor=bm9wZQ").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        given().auth().oauth2(ADMIN).get(ARTICLES + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(ADMIN).post(ARTICLES + "/" + UUID.randomUUID() + "/publish").then().statusCode(404);
    }

    @Test
    void theAdminListShowsDraftsAndPagesWithACursor() {
        String draft = Authoring.createId(article("Listed draft " + UUID.randomUUID(), "s", "b",
                List.of("early"), List.of()));
        given().auth().oauth2(ADMIN).get(ARTICLES + "?status=draft&limit=100")
                .then().statusCode(200).body("items.id", hasItem(draft));
        String cursor = given().auth().oauth2(ADMIN).get(ARTICLES + "?limit=1")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract().path("nextCursor");
        String firstId = given().auth().oauth2(ADMIN).get(ARTICLES + "?limit=1").then().extract().path("items[0].id");
        given().auth().oauth2(ADMIN).queryParam("limit", 1).queryParam("cursor", cursor).get(ARTICLES)
                .then().log().ifValidationFails().statusCode(200).body("items[0].id", not(equalTo(firstId)));
    }

    @Test
    void usersCannotReachAnyAdminRoute() {
        String user = TestTokens.user("plain-user");
        String id = UUID.randomUUID().toString();
        ServiceChecks.refusesUsersWithoutTheAdminRole(ARTICLES);
        ServiceChecks.refusesUsersWithoutTheAdminRole("/api/admin/content/audit");
        given().auth().oauth2(user).contentType(ContentType.JSON)
                .body(article("T", "s", "b", List.of("early"), List.of())).post(ARTICLES)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(user).get(ARTICLES + "/" + id).then().statusCode(403);
        given().auth().oauth2(user).contentType(ContentType.JSON)
                .body(article("T", "s", "b", List.of("early"), List.of())).put(ARTICLES + "/" + id)
                .then().statusCode(403);
        given().auth().oauth2(user).delete(ARTICLES + "/" + id).then().statusCode(403);
        given().auth().oauth2(user).post(ARTICLES + "/" + id + "/publish").then().statusCode(403);
        given().auth().oauth2(user).post(ARTICLES + "/" + id + "/retract").then().statusCode(403);
        given().auth().oauth2(user).get(ARTICLES + "/" + id + "/revisions").then().statusCode(403);
        ServiceChecks.refusesCallersWithoutAValidToken(ARTICLES);
    }

    @Test
    void aCursorIsOpaqueButChecked() {
        given().auth().oauth2(ADMIN).get("/api/admin/content/audit?cursor=%%%").then().statusCode(400);
    }
}
