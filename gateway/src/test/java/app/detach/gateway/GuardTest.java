package app.detach.gateway;

import app.detach.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's guards: CSRF only for cookie writes, per-user rate limits, a circuit breaker per
 * upstream. (Cookie writes from a real session are in {@link BrowserSessionTest}.)
 */
@QuarkusTest
class GuardTest {

    @Test
    void aWriteWithoutCredentialsOrTheCsrfHeaderIsRefusedBeforeAuthentication() {
        given().contentType("application/json").body("{\"intensity\":4}")
                .when().post("/api/streak/urges")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("X-Detach-Request"));
    }

    @Test
    void aCrossSiteWriteIsRefusedEvenWithTheHeader() {
        given().header("X-Detach-Request", "1").header("Sec-Fetch-Site", "cross-site")
                .contentType("application/json").body("{}")
                .when().delete("/api/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Cross-site"));
    }

    @Test
    void bearerClientsAreNotSubjectToTheCsrfGuard() {
        given().auth().oauth2(TestTokens.user("guard-bearer"))
                .header("Origin", "https://elsewhere.example")
                .contentType("application/json").body("{\"intensity\":4}")
                .when().post("/api/streak/urges")
                .then().statusCode(200)
                .body("method", equalTo("POST"));
    }

    @Test
    void aUserOverTheRateLimitGets429WithRetryAfterWhileOthersGoOn() {
        // %test.detach.gateway.rate-limit.burst=20, per-minute=20
        String token = TestTokens.user("guard-hasty");
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token).when().get("/api/streak").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(token).when().get("/api/streak");
        assertEquals(429, refused.statusCode(), refused.asString());
        assertEquals("application/problem+json", refused.contentType());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(refused.jsonPath().getString("detail").contains(retryAfter + " s"), refused.asString());

        given().auth().oauth2(TestTokens.user("guard-patient"))
                .when().get("/api/streak")
                .then().statusCode(200)
                .header("Retry-After", nullValue());
    }

    @Test
    void anUpstreamThatKeepsFailingIsCutOffAtOnceByItsCircuitBreaker() {
        // the content route points at a closed port; after enough failures the circuit opens
        String token = TestTokens.user("guard-breaker");
        AtomicReference<String> detail = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response response = given().auth().oauth2(token).when().get("/api/content/articles");
            assertEquals(503, response.statusCode());
            detail.set(response.jsonPath().getString("detail"));
            return detail.get().contains("paused");
        });
        // the other upstreams are not affected
        given().auth().oauth2(token).when().get("/api/journal/entries").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/content/articles")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .body("detail", containsString("content"));
    }
}
