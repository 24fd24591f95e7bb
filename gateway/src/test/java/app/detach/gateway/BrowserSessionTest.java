package app.detach.gateway;

import app.detach.testing.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser side: login redirect with PKCE, the session cookie, the session's token relayed to
 * the services, logout. The OIDC server is Quarkus' WireMock one; its token endpoint is stubbed
 * here to answer the code exchange only when a PKCE code verifier is sent.
 */
@QuarkusTest
class BrowserSessionTest {

    @OidcWireMock
    WireMockServer oidcServer;

    @ConfigProperty(name = "keycloak.url")
    String keycloakUrl;

    @Test
    void rootWithoutSessionRedirectsToTheLoginPageWithPkce() {
        Response response = given().redirects().follow(false).when().get("/");
        assertEquals(302, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.startsWith(keycloakUrl + "/realms/quarkus?"), location);
        Map<String, String> query = query(location);
        assertEquals("code", query.get("response_type"));
        assertEquals("detach-gateway", query.get("client_id"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), query.get("code_challenge"));
        assertTrue(query.get("redirect_uri").endsWith("/login"), query.get("redirect_uri"));
        assertTrue(query.get("scope").contains("openid"), query.get("scope"));
        assertNotNull(query.get("state"));
    }

    @Test
    void loginWithoutSessionRedirectsToTheLoginPage() {
        given().redirects().follow(false)
                .when().get("/login")
                .then().statusCode(302)
                .header("Location", startsWith(keycloakUrl + "/realms/quarkus?"))
                .header("Location", containsString("code_challenge_method=S256"));
    }

    @Test
    void pageAndAssetsCarryAStrictContentSecurityPolicy() {
        given().when().get("/app.js")
                .then().statusCode(200)
                .header("Content-Security-Policy", startsWith("default-src 'self'"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aSignedInBrowserCallsTheApiWithItsSessionAndTheServiceSeesOnlyTheAccessToken() {
        String accessToken = TestTokens.user("browser-user");
        String idToken = TestTokens.sign(TestTokens.claims("browser-user", Set.of("user"))
                .audience("detach-gateway").claim("typ", "ID"));
        StubMapping codeExchange = oidcServer.stubFor(post("/auth/realms/quarkus/token").atPriority(1)
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(matching(".*code_verifier=[A-Za-z0-9_-]{43,}.*"))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"id_token\":\"" + idToken
                        + "\",\"refresh_token\":\"refresh-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        try {
            // 1. the browser asks for the page and is sent to the login page, with a state cookie
            Response challenge = given().redirects().follow(false).when().get("/");
            assertEquals(302, challenge.statusCode());
            String state = query(challenge.header("Location")).get("state");

            // 2. the identity provider sends it back with a code; the gateway exchanges it
            Response callback = given().redirects().follow(false)
                    .cookies(challenge.getCookies())
                    .queryParam("code", "code-1").queryParam("state", state)
                    .when().get("/login");
            assertEquals(302, callback.statusCode(), callback.asString());
            assertTrue(callback.header("Location").endsWith("/"), callback.header("Location"));
            String setCookie = String.join("\n", callback.headers().getValues("Set-Cookie"));
            assertTrue(setCookie.contains("q_session="), setCookie);
            assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
            assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
            assertTrue(!setCookie.contains(accessToken), "the token must be encrypted in the cookie");
            Map<String, String> session = callback.getCookies();

            // 3. the page's XHR carries only the cookie; the service gets the bearer token, no cookie
            given().cookies(session)
                    .when().get("/api/streak?from=2026-01-01")
                    .then().statusCode(200)
                    .body("path", equalTo("/api/streak"))
                    .body("query", equalTo("from=2026-01-01"))
                    .body("authorization", equalTo("Bearer " + accessToken))
                    .body("cookie", nullValue());
            // a write riding on the cookie must come from our page (CSRF guard), then it is relayed
            given().cookies(session).contentType("application/json").body("{\"intensity\":4}")
                    .when().post("/api/streak/urges")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("X-Detach-Request"));
            given().cookies(session).header("X-Detach-Request", "1").header("Origin", "https://evil.example")
                    .contentType("application/json").body("{\"intensity\":4}")
                    .when().post("/api/streak/urges")
                    .then().statusCode(403)
                    .body("detail", containsString("evil.example"));
            given().cookies(session).header("X-Detach-Request", "1").header("Sec-Fetch-Site", "same-origin")
                    .contentType("application/json").body("{\"intensity\":4}")
                    .when().post("/api/streak/urges")
                    .then().statusCode(200)
                    .body("method", equalTo("POST"))
                    .body("authorization", equalTo("Bearer " + accessToken));
            given().cookies(session)
                    .when().get("/api/me")
                    .then().statusCode(200)
                    .body("userId", equalTo("browser-user"))
                    .body("email", equalTo("browser-user@example.com"));
            given().cookies(session).redirects().follow(false)
                    .when().get("/api/admin/content/articles")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
            given().cookies(session)
                    .when().get("/")
                    .then().statusCode(200)
                    .body(containsString("<script src=\"/app.js\""));

            // 4. logout ends the provider's session too (RP-initiated) and comes back to /
            Response logout = given().cookies(session).redirects().follow(false).when().get("/logout");
            assertEquals(302, logout.statusCode());
            String location = logout.header("Location");
            assertTrue(location.startsWith(keycloakUrl + "/realms/quarkus/protocol/openid-connect/end-session"),
                    location);
            assertTrue(query(location).get("post_logout_redirect_uri").endsWith("/"), location);
            assertTrue(String.join("\n", logout.headers().getValues("Set-Cookie")).contains("q_session=;")
                    || String.join("\n", logout.headers().getValues("Set-Cookie")).contains("Max-Age=0"),
                    "the session cookie is removed");
        } finally {
            oidcServer.removeStub(codeExchange);
        }
    }

    private static Map<String, String> query(String location) {
        String rawQuery = URI.create(location).getRawQuery();
        return Arrays.stream(rawQuery.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}
