package app.detach.content.today;

import app.detach.content.TestClock;
import app.detach.events.journal.EntryRecorded;
import app.detach.events.streak.ContactKind;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.StreakStarted;
import app.detach.events.streak.UrgeResisted;
import app.detach.testing.ServiceChecks;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TodayReadingTest {

    static final String STREAK = "/detach/streak-service";
    static final String JOURNAL = "/detach/journal-service";
    static final String STREAK_CONSUMER = "content-service.streak";
    static final String JOURNAL_CONSUMER = "content-service.journal";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String newUser() {
        return "reader-" + UUID.randomUUID();
    }

    private static ExtractableResponse<Response> today(String user) {
        return given().auth().oauth2(TestTokens.user(user)).get("/api/content/today")
                .then().statusCode(200)
                .body("reason", not(emptyOrNullString()))
                .body("article.slug", not(emptyOrNullString()))
                .extract();
    }

    private static void streakStarted(String user, Duration ago, String zone) {
        Projection.publishAndAwait(new StreakStarted(user, UUID.randomUUID(), Instant.now().minus(ago), zone),
                STREAK, STREAK_CONSUMER);
    }

    @Test
    void aReaderWithNoEventsGetsAFirstDaysArticle() {
        ExtractableResponse<Response> r = today(newUser());
        assertEquals("stage", r.path("rule"));
        assertEquals("first-days", r.path("stage"));
        assertEquals((Object) null, r.path("streakDay"));
        assertTrue(r.<List<String>>path("article.stages").contains("first-days"), r.asString());
        assertTrue(r.<String>path("reason").contains("first days"), r.asString());
    }

    @Test
    void theStageFollowsTheStreakDayInTheReadersTimeZone() {
        String early = newUser();
        streakStarted(early, Duration.ofDays(10), "Europe/Paris");
        given().auth().oauth2(TestTokens.user(early)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("stage")).body("stage", equalTo("early")).body("streakDay", equalTo(10))
                .body("article.stages", hasItem("early")).body("reason", containsString("day 10"));

        String healing = newUser();
        streakStarted(healing, Duration.ofDays(45), "America/New_York");
        given().auth().oauth2(TestTokens.user(healing)).get("/api/content/today").then().statusCode(200)
                .body("stage", equalTo("healing")).body("article.stages", hasItem("healing"));

        String growth = newUser();
        streakStarted(growth, Duration.ofDays(120), "Asia/Tokyo");
        given().auth().oauth2(TestTokens.user(growth)).get("/api/content/today").then().statusCode(200)
                .body("stage", equalTo("growth")).body("article.stages", hasItem("growth"));
    }

    @Test
    void aSlipInTheLast48HoursGetsAnAfterASlipArticle() {
        String user = newUser();
        streakStarted(user, Duration.ofDays(20), "Europe/London");
        Projection.publishAndAwait(new ContactLogged(user, UUID.randomUUID(), ContactKind.I_CONTACTED,
                Instant.now().minus(Duration.ofHours(3)), true), STREAK, STREAK_CONSUMER);

        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("after-a-slip"))
                .body("article.stages", hasItem("after-a-slip"))
                .body("reason", containsString("starting again"));
    }

    @Test
    void aSlipLongerAgoNoLongerDecides() {
        String user = newUser();
        streakStarted(user, Duration.ofDays(20), "Europe/London");
        Projection.publishAndAwait(new ContactLogged(user, UUID.randomUUID(), ContactKind.I_CONTACTED,
                Instant.now().minus(Duration.ofHours(60)), true), STREAK, STREAK_CONSUMER);

        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("stage")).body("stage", equalTo("early"));
    }

    @Test
    void lowRecentMoodsGetSelfCarePlusSeekingHelp() {
        String user = newUser();
        for (int mood : new int[] {3, 2, 4}) {
            Projection.publishAndAwait(new EntryRecorded(UUID.randomUUID(), user,
                    Instant.now().minus(Duration.ofHours(mood)), mood, 2, List.of("sad"), 5), JOURNAL, JOURNAL_CONSUMER);
        }

        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("low-mood"))
                .body("article.tags", hasItem("self-care"))
                .body("also", hasSize(1))
                .body("also[0].article.stages", hasItem("seeking-help"))
                .body("also[0].reason", not(emptyOrNullString()));
    }

    @Test
    void goodMoodsDoNotTriggerTheLowMoodRule() {
        String user = newUser();
        for (int mood : new int[] {7, 8}) {
            Projection.publishAndAwait(new EntryRecorded(UUID.randomUUID(), user, Instant.now().minusSeconds(60),
                    mood, 1, List.of(), null), JOURNAL, JOURNAL_CONSUMER);
        }
        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("stage")).body("also", hasSize(0));
    }

    @Test
    void aStrongUrgeGetsAnUrgeArticle() {
        String user = newUser();
        streakStarted(user, Duration.ofDays(5), "Europe/Berlin");
        Projection.publishAndAwait(new UrgeResisted(user, UUID.randomUUID(), 9, Instant.now().minus(Duration.ofHours(1))),
                STREAK, STREAK_CONSUMER);

        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("strong-urge"))
                .body("article.tags", hasItem("urges"))
                .body("reason", containsString("urge"));
    }

    @Test
    void aStrongUrgeInTheJournalCountsToo() {
        String user = newUser();
        Projection.publishAndAwait(new EntryRecorded(UUID.randomUUID(), user, Instant.now().minusSeconds(60), 6, 8,
                List.of(), null), JOURNAL, JOURNAL_CONSUMER);
        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("strong-urge"));
    }

    @Test
    void whenTheyReachOutTheReaderGetsAnIfTheyReachOutArticle() {
        String user = newUser();
        streakStarted(user, Duration.ofDays(8), "Europe/Madrid");
        Projection.publishAndAwait(new ContactLogged(user, UUID.randomUUID(), ContactKind.THEY_CONTACTED_IGNORED,
                Instant.now().minus(Duration.ofHours(2)), false), STREAK, STREAK_CONSUMER);

        given().auth().oauth2(TestTokens.user(user)).get("/api/content/today").then().statusCode(200)
                .body("rule", equalTo("they-reached-out"))
                .body("article.stages", hasItem("if-they-reach-out"));
    }

    @Test
    void theSameDayGivesTheSameArticleAndNoArticleRepeatsWithinSevenDays() {
        String user = newUser();
        String first = today(user).path("article.slug");
        assertEquals(first, today(user).path("article.slug"), "asking twice the same day gives the same article");

        Set<String> seen = new HashSet<>();
        seen.add(first);
        for (int day = 1; day < 5; day++) {
            clock.advance(Duration.ofDays(1));
            String slug = today(user).path("article.slug");
            assertTrue(seen.add(slug), "day " + day + " repeated " + slug + " after " + seen);
        }
        assertEquals(1, count("SELECT count(*) FROM reading_history WHERE user_id = ? AND main AND article_id = "
                + "(SELECT id FROM article WHERE slug = ?)", user, first), "what was shown is recorded once");
    }

    @Test
    void theRuleChangesTheArticleTheSameDay() {
        String user = newUser();
        String before = today(user).path("rule");
        assertEquals("stage", before);
        Projection.publishAndAwait(new UrgeResisted(user, UUID.randomUUID(), 8, Instant.now()), STREAK, STREAK_CONSUMER);
        ExtractableResponse<Response> after = today(user);
        assertEquals("strong-urge", after.path("rule"));
        assertNotEquals((Object) null, after.path("article.slug"));
    }

    @Test
    void aStreakStartedLaterTheSameDayChangesTheStage() {
        String user = newUser();
        assertEquals("first-days", today(user).path("stage"));
        streakStarted(user, Duration.ofDays(50), "Europe/Rome");
        ExtractableResponse<Response> after = today(user);
        assertEquals("healing", after.path("stage"));
        assertTrue(after.<List<String>>path("article.stages").contains("healing"), after.asString());
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/content/today");
    }

    private static int count(String sql, Object... params) {
        try {
            return Projection.count(sql, params);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
