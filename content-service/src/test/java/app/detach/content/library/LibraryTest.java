package app.detach.content.library;

import app.detach.content.article.Markdown;
import app.detach.content.article.Stage;
import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.testing.KafkaEvents;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LibraryTest {

    @Inject
    LibraryLoader loader;

    @Test
    void theShippedLibraryHasAtLeast24ArticlesOf300To900WordsCoveringEveryStage() {
        List<LibraryFile> files = Library.load();
        assertTrue(files.size() >= 24, "only " + files.size() + " articles");
        Set<String> stages = new HashSet<>();
        Set<String> tags = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        for (LibraryFile f : files) {
            int words = Markdown.words(f.body());
            assertTrue(words >= 300 && words <= 900, f.slug() + " has " + words + " words");
            assertTrue(slugs.add(f.slug()), "duplicate slug " + f.slug());
            assertTrue(f.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), f.slug());
            f.stages().forEach(s -> assertTrue(Stage.fromWire(s).isPresent(), f.slug() + ": unknown stage " + s));
            stages.addAll(f.stages());
            tags.addAll(f.tags());
        }
        assertEquals(new HashSet<>(Stage.NAMES), stages, "every stage has at least one article");
        assertTrue(tags.containsAll(List.of("urges", "self-care")), "today's reading needs these tags: " + tags);
    }

    @Test
    void everyShippedArticleIsPublishedAtStartUpAndAnnounced() {
        String reader = TestTokens.user("library-reader");
        for (LibraryFile f : Library.load()) {
            given().auth().oauth2(reader).get("/api/content/articles/" + f.slug())
                    .then().statusCode(200).body("title", equalTo(f.title()));
        }
        given().auth().oauth2(reader).get("/api/content/articles?limit=100")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(24));
        String id = given().auth().oauth2(reader).get("/api/content/articles/why-no-contact-works")
                .then().extract().path("id");
        KafkaEvents.fromConfig().await(Topics.CONTENT,
                KafkaEvents.keyAndType(id, EventType.ARTICLE_PUBLISHED.type()), Duration.ofSeconds(20));
    }

    @Test
    void loadingAgainChangesNothingAndAnEditedFileBecomesANewRevision() throws Throwable {
        List<LibraryFile> files = Library.load();
        int articlesBefore = count("SELECT count(*) FROM article WHERE library_hash IS NOT NULL");

        LibraryLoader.Result again = VertxContextSupport.subscribeAndAwait(() -> loader.load(files));
        assertEquals(new LibraryLoader.Result(0, 0, files.size()), again);
        assertEquals(articlesBefore, count("SELECT count(*) FROM article WHERE library_hash IS NOT NULL"));

        LibraryFile original = files.stream().filter(f -> f.slug().equals("moving-on")).findFirst().orElseThrow();
        LibraryFile edited = new LibraryFile(original.slug(), original.title(), original.summary(), original.stages(),
                original.tags(), original.body() + "\nA new closing line from the editors.\n", "edited-hash");
        List<LibraryFile> changed = new ArrayList<>(files);
        changed.replaceAll(f -> f.slug().equals("moving-on") ? edited : f);
        int revisionsBefore = count("SELECT count(*) FROM article_revision r JOIN article a ON a.id = r.article_id"
                + " WHERE a.slug = 'moving-on'");

        LibraryLoader.Result revised = VertxContextSupport.subscribeAndAwait(() -> loader.load(changed));

        assertEquals(new LibraryLoader.Result(0, 1, files.size() - 1), revised);
        assertEquals(revisionsBefore + 1, count("SELECT count(*) FROM article_revision r JOIN article a"
                + " ON a.id = r.article_id WHERE a.slug = 'moving-on'"));
        given().auth().oauth2(TestTokens.user("library-reader")).get("/api/content/articles/moving-on")
                .then().statusCode(200).body("html", containsString("A new closing line from the editors."));
        // back to the shipped text (a third revision), so other tests read the real library
        VertxContextSupport.subscribeAndAwait(() -> loader.load(files));
    }

    private static int count(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
