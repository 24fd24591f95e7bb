package app.detach.content.article;

import app.detach.content.Authoring;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static app.detach.content.Authoring.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SearchTest {

    private static final String READER = TestTokens.user("searcher");

    /** A made-up word per test, so the library and other tests never match. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "x");
    }

    @Test
    void aTitleHitRanksAboveASummaryHitAboveABodyHit() {
        String w = word();
        // published in reverse order, so recency alone would put the body hit first
        String title = Authoring.published(article("About " + w, "Nothing special.", "Plain words here.",
                List.of("healing"), List.of()));
        String summary = Authoring.published(article("Another article " + UUID.randomUUID(), "Mentions " + w + ".",
                "Plain words here.", List.of("healing"), List.of()));
        String body = Authoring.published(article("A third article " + UUID.randomUUID(), "Nothing special.",
                "Somewhere in the body: " + w + " appears, and " + w + " again.", List.of("healing"), List.of()));

        given().auth().oauth2(READER).queryParam("q", w).get("/api/content/articles")
                .then().statusCode(200)
                .body("items.slug", equalTo(List.of(title, summary, body)));
    }

    @Test
    void searchIsCombinableWithTheStageFilterAndUnderstandsWebSyntax() {
        String w = word();
        String early = Authoring.published(article("Early " + w, "s", "calm evenings", List.of("early"), List.of()));
        String growth = Authoring.published(article("Growth " + w, "s", "new hobbies", List.of("growth"), List.of()));

        given().auth().oauth2(READER).queryParam("q", w).queryParam("stage", "growth").get("/api/content/articles")
                .then().statusCode(200).body("items.slug", equalTo(List.of(growth)));
        given().auth().oauth2(READER).queryParam("q", w + " -hobbies").get("/api/content/articles")
                .then().statusCode(200).body("items.slug", equalTo(List.of(early)));
        given().auth().oauth2(READER).queryParam("q", "\"" + w + "\" or nothingmatchesthis").get("/api/content/articles")
                .then().statusCode(200).body("items.slug", hasItem(early));
        // stemming: "evening" finds "evenings"
        given().auth().oauth2(READER).queryParam("q", w + " evening").get("/api/content/articles")
                .then().statusCode(200).body("items.slug", equalTo(List.of(early)));
    }

    @Test
    void searchResultsPageByRankWithACursor() {
        String w = word();
        List<String> expected = new ArrayList<>();
        expected.add(Authoring.published(article(w + " in the title", "s", "b", List.of("growth"), List.of())));
        expected.add(Authoring.published(article("Summary one " + UUID.randomUUID(), w, "b", List.of("growth"), List.of())));
        expected.add(Authoring.published(article("Body one " + UUID.randomUUID(), "s", w, List.of("growth"), List.of())));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(READER).queryParam("q", w).queryParam("limit", 1)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/content/articles").then().statusCode(200).body("items", hasSize(1)).extract();
            seen.add(page.path("items[0].slug"));
            cursor = page.path("nextCursor");
        } while (cursor != null && seen.size() < 10);
        assertEquals(expected, seen);

        // a search cursor is not a list cursor, and the other way round
        String searchCursor = given().auth().oauth2(READER).queryParam("q", w).queryParam("limit", 1)
                .get("/api/content/articles").then().extract().path("nextCursor");
        given().auth().oauth2(READER).queryParam("cursor", searchCursor).get("/api/content/articles")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void oddQueriesAnswerSensiblyAndNeverWithA500() {
        for (String q : List.of("!!!", "?", "&|!():*<>", "'\"", "the and of", "   ", "\u0000abc", "-", "\"",
                "or", "a:*", "((((", "😀", "ÆØÅ", "%27%20OR%201=1--")) {
            given().auth().oauth2(READER).queryParam("q", q).get("/api/content/articles")
                    .then().statusCode(200).body("items", not(nullValue()));
        }
        given().auth().oauth2(READER).queryParam("q", "!!!").get("/api/content/articles")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
        given().auth().oauth2(READER).queryParam("q", "x".repeat(1000)).get("/api/content/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("q"))
                .body("errors.message", hasItem(containsString("200")));
        given().auth().oauth2(READER).queryParam("q", "word ".repeat(40)).get("/api/content/articles")
                .then().statusCode(200);
    }

    @Test
    void searchFindsTheShippedLibrary() {
        given().auth().oauth2(READER).queryParam("q", "urge").queryParam("limit", 100).get("/api/content/articles")
                .then().statusCode(200)
                .body("items.slug", hasItem("riding-out-an-urge"))
                .body("items[0].slug", equalTo("riding-out-an-urge"))
                .body("items.stages", everyItem(not(nullValue())));
    }
}
