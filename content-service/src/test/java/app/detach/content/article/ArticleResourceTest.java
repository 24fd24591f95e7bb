package app.detach.content.article;

import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/content/articles");
        ServiceChecks.refusesCallersWithoutAValidToken("/api/admin/content/articles");
    }

    @Test
    void readersSeePublishedArticlesOnlyAndAdminsSeeDraftsToo() {
        String published = "published-" + UUID.randomUUID();
        String draft = "draft-" + UUID.randomUUID();
        insertArticle(published, "PUBLISHED");
        insertArticle(draft, "DRAFT");

        given().auth().oauth2(TestTokens.user("reader"))
                .get("/api/content/articles")
                .then().statusCode(200)
                .body("items.slug", hasItem(published))
                .body("items.slug", not(hasItem(draft)));
        given().auth().oauth2(TestTokens.admin("editor"))
                .get("/api/admin/content/articles")
                .then().statusCode(200)
                .body("items.slug", hasItem(draft));
    }

    @Test
    void theAdminApiNeedsTheAdminRole() {
        ServiceChecks.refusesUsersWithoutTheAdminRole("/api/admin/content/articles");
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/content/articles");
    }

    private static void insertArticle(String slug, String status) {
        TestDatabase.update("INSERT INTO article (id, slug, title, status, published_at) VALUES (?, ?, ?, ?, "
                        + ("PUBLISHED".equals(status) ? "now()" : "NULL") + ")",
                UUID.randomUUID(), slug, "Title of " + slug, status);
    }
}
