package app.detach.content.article;

import app.detach.content.Authoring;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static app.detach.content.Authoring.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ArticleResourceTest {

    private static final String READER = TestTokens.user("reader");

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/content/articles");
        ServiceChecks.refusesCallersWithoutAValidToken("/api/content/articles/some-slug");
        ServiceChecks.refusesCallersWithoutAValidToken("/api/admin/content/articles");
    }

    @Test
    void readersSeePublishedArticlesOnlyAndAdminsSeeDraftsToo() {
        String publishedSlug = Authoring.published(article("Visible " + UUID.randomUUID(), "s", "b",
                List.of("early"), List.of()));
        String draftId = Authoring.createId(article("Hidden " + UUID.randomUUID(), "s", "b",
                List.of("early"), List.of()));

        given().auth().oauth2(READER).get("/api/content/articles?limit=100")
                .then().statusCode(200)
                .body("items.slug", hasItem(publishedSlug))
                .body("items.id", not(hasItem(draftId)));
        given().auth().oauth2(TestTokens.admin("editor"))
                .get("/api/admin/content/articles?limit=100")
                .then().statusCode(200)
                .body("items.id", hasItem(draftId));
    }

    @Test
    void readsOnePublishedArticleBySlug() {
        String slug = Authoring.published(article("Readable " + UUID.randomUUID(), "The summary.",
                "## Part one\n\nWords *here*.", List.of("healing", "growth"), List.of("self-care")));
        given().auth().oauth2(READER).get("/api/content/articles/" + slug)
                .then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("summary", equalTo("The summary."))
                .body("html", containsString("<h2>Part one</h2>"))
                .body("stages", equalTo(List.of("healing", "growth")))
                .body("tags", equalTo(List.of("self-care")))
                .body("readingMinutes", equalTo(1));
        given().auth().oauth2(READER).get("/api/content/articles/no-such-article-" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(READER).get("/api/content/articles/NOT a slug!")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void filtersByStageAndPagesWithACursor() {
        String marker = "pagination" + UUID.randomUUID().toString().substring(0, 6);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            slugs.add(Authoring.published(article(marker + " " + i, "s", "b", List.of("seeking-help"), List.of())));
        }
        given().auth().oauth2(READER).get("/api/content/articles?stage=seeking-help&limit=100")
                .then().statusCode(200)
                .body("items.stages", everyItem(hasItem("seeking-help")))
                .body("items.slug", hasItem(slugs.get(0)));
        given().auth().oauth2(READER).get("/api/content/articles?stage=growth&limit=100")
                .then().statusCode(200)
                .body("items.slug", not(hasItem(slugs.get(0))));

        // newest first, two pages of one article each, no overlap
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var response = given().auth().oauth2(READER)
                    .queryParam("stage", "seeking-help").queryParam("limit", 1)
                    .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                    .get("/api/content/articles").then().statusCode(200).extract();
            seen.add(response.path("items[0].slug"));
            cursor = response.path("nextCursor");
        }
        assertEquals(List.of(slugs.get(2), slugs.get(1), slugs.get(0)), seen);
    }

    @Test
    void refusesBadFiltersWithProblems() {
        given().auth().oauth2(READER).get("/api/content/articles?stage=someday")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("stage"));
        given().auth().oauth2(READER).get("/api/content/articles?limit=0").then().statusCode(400);
        given().auth().oauth2(READER).get("/api/content/articles?limit=101").then().statusCode(400);
        given().auth().oauth2(READER).get("/api/content/articles?cursor=garbage")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void theLastPageHasNoCursor() {
        given().auth().oauth2(READER).get("/api/content/articles?limit=100&q=" + UUID.randomUUID())
                .then().statusCode(200).body("items.size()", equalTo(0)).body("nextCursor", nullValue());
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/content/articles");
    }
}
