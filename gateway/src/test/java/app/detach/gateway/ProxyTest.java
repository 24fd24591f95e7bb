package app.detach.gateway;

import app.detach.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forwarding to a real upstream HTTP server ({@link EchoUpstream}) that reports what it received. */
@QuarkusTest
class ProxyTest {

    @TestHTTPResource("/api/notifications/stream")
    URI stream;

    @Test
    void relaysMethodPathQueryBodyAndTheBearerTokenButNoCookie() {
        String token = TestTokens.user("user-proxy-1");
        String body = "{\"kind\":\"I_CONTACTED\",\"occurredAt\":\"2026-01-02T10:00:00Z\",\"note\":\"ça va\"}";
        given().urlEncodingEnabled(false).auth().oauth2(token)
                .cookie("q_session", "stolen-session")
                .cookie("other", "1")
                .contentType("application/json").body(body)
                .when().post("/api/streak/contacts?dryRun=true&note=a%20b&status=201")
                .then().statusCode(201)
                .contentType("application/json")
                .header("X-Upstream", "echo")
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/streak/contacts"))
                .body("query", equalTo("dryRun=true&note=a%20b&status=201"))
                .body("body", equalTo(body))
                .body("authorization", equalTo("Bearer " + token))
                .body("cookie", nullValue())
                .body("forwardedFor", notNullValue())
                .body("forwardedHost", containsString("localhost:"))
                .body("forwardedProto", equalTo("http"));
    }

    @Test
    void otherMethodsPassThroughToo() {
        String token = TestTokens.user("user-proxy-2");
        given().header("Authorization", "Bearer " + token)
                .when().delete("/api/journal/entries/x")
                .then().statusCode(200)
                .body("method", equalTo("DELETE"))
                .body("authorization", equalTo("Bearer " + token));
    }

    @Test
    void everyPrefixReachesItsUpstreamWithThePathUnchanged() {
        String token = TestTokens.admin("admin-proxy");
        for (String path : new String[] {
                "/api/streak", "/api/streak/calendar", "/api/journal/entries",
                "/api/journal/entries/7", "/api/notifications/unread-count",
                "/api/admin/notifications/dead-letters" }) {
            given().auth().oauth2(token)
                    .when().get(path)
                    .then().statusCode(200)
                    .body("path", equalTo(path));
        }
    }

    @Test
    void upstreamErrorStatusAndBodyPassThroughUnchanged() {
        given().auth().oauth2(TestTokens.user("user-proxy-3"))
                .when().get("/api/journal/entries/missing?status=404")
                .then().statusCode(404)
                .contentType("application/json")
                .body("path", equalTo("/api/journal/entries/missing"));
    }

    @Test
    void theEmailUnsubscribeLinkWorksWithoutSignInAndCarriesNoCredentials() {
        given().redirects().follow(false)
                .when().get("/unsubscribe?token=signed-token")
                .then().statusCode(200)
                .body("path", equalTo("/unsubscribe"))
                .body("query", equalTo("token=signed-token"))
                .body("authorization", nullValue());
        // RFC 8058 one-click unsubscribe: the mail client POSTs a form, with no session and no CSRF header
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .when().post("/unsubscribe?token=signed-token")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("path", equalTo("/unsubscribe"))
                .body("authorization", nullValue());
        // even a caller's own token is not passed on through the open route
        given().auth().oauth2(TestTokens.user("user-unsubscribe"))
                .when().get("/unsubscribe?token=t")
                .then().statusCode(200)
                .body("authorization", nullValue());
    }

    @Test
    void anUnknownApiPathIsNotProxied() {
        given().auth().oauth2(TestTokens.user("user-proxy-4"))
                .when().get("/api/streaks")
                .then().statusCode(404);
    }

    @Test
    void anUpstreamThatIsDownIs503Problem() {
        given().auth().oauth2(TestTokens.user("user-down"))
                .contentType("application/json").body("{\"title\":\"hello\"}")
                .when().post("/api/content/articles")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("title", equalTo("Service unavailable"))
                .body("detail", containsString("content"))
                .body("instance", equalTo("/api/content/articles"));
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIs503Problem() {
        // %test.detach.gateway.upstream.response-timeout=1s
        long started = System.nanoTime();
        given().auth().oauth2(TestTokens.user("user-slow"))
                .when().get("/api/journal/slow")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("in time"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "answered after the timeout");
        // the gateway still serves other requests afterwards
        given().auth().oauth2(TestTokens.user("user-slow"))
                .when().get("/api/journal/entries")
                .then().statusCode(200)
                .time(lessThan(5000L));
    }

    @Test
    void serverSentEventsFlowBeforeTheUpstreamEndsTheStream() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + TestTokens.user("user-sse"))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        // The upstream never ends this response: the event only arrives if the gateway streams.
        Optional<String> data = CompletableFuture
                .supplyAsync(() -> response.body().filter(line -> line.startsWith("data:")).findFirst())
                .get(5, TimeUnit.SECONDS);
        assertEquals(Optional.of("data: first"), data);
        response.body().close();
    }
}
