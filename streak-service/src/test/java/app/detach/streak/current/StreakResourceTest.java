package app.detach.streak.current;

import app.detach.testing.ServiceChecks;
import app.detach.testing.TestDatabase;
import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class StreakResourceTest {

    @Test
    void refusesCallersWithoutAValidToken() {
        ServiceChecks.refusesCallersWithoutAValidToken("/api/streak");
    }

    @Test
    void aUserWithoutAStreakGets404ProblemJson() {
        given().auth().oauth2(TestTokens.user("nobody-" + UUID.randomUUID()))
                .get("/api/streak")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", containsString("No streak started yet"))
                .body("instance", equalTo("/api/streak"));
    }

    @Test
    void eachUserSeesOnlyTheirOwnStreak() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        TestDatabase.update("INSERT INTO streak (user_id, started_at, time_zone) VALUES (?, ?, ?)",
                alice, Timestamp.from(Instant.parse("2026-11-01T08:00:00Z")), "Europe/Berlin");

        given().auth().oauth2(TestTokens.user(alice)).get("/api/streak")
                .then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("startedAt", equalTo("2026-11-01T08:00:00Z"));
        given().auth().oauth2(TestTokens.user(bob)).get("/api/streak")
                .then().statusCode(404);
    }

    @Test
    void servesHealthMetricsAndOpenApi() {
        ServiceChecks.servesHealthMetricsAndOpenApi("/api/streak");
    }
}
