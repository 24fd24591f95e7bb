package app.detach.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attackers get nothing: forged and altered tokens are refused (401), a user cannot use admin routes
 * (403), cookie-authenticated writes from another site are refused (CSRF), a flood gets 429 with
 * Retry-After, and another user's ids answer 404 without changing the owner's data (IDOR). Every
 * user here is a throwaway account, so the demo accounts and the other tests' rate-limit budgets are
 * untouched.
 */
@ExtendWith(Stack.class)
class AttackersIT {

    private static final String PASSWORD = "attacker-test-pw-1";
    private static URI gateway;
    private static ForgedTokens.RegisteredKey registeredKey;

    @BeforeAll
    static void stack() {
        gateway = URI.create(Stack.get().gatewayUrl());
    }

    @AfterAll
    static void removeKey() {
        if (registeredKey != null) {
            ForgedTokens.unregister(registeredKey);
        }
    }

    @Test
    void forgedAndAlteredTokensAreRefusedAndUsersStayOutOfAdminRoutes() {
        String username = KeycloakUsers.create("tokens", PASSWORD);
        String real = Tokens.password(username, PASSWORD);
        KeyPair ours = ForgedTokens.newRsaKey();
        registeredKey = ForgedTokens.register(ours);
        long now = Instant.now().getEpochSecond();

        // control: the real token's claims, signed by the key the realm now publishes, are accepted,
        // so each refusal below is caused by the one thing that is wrong with that token
        String control = ForgedTokens.sign(ForgedTokens.payload(real), ours, registeredKey.kid());
        for (String path : List.of("/api/me", "/api/journal/entries")) {
            given().auth().oauth2(control).get(gateway.resolve(path)).then().statusCode(200);
        }

        ObjectNode expired = ForgedTokens.payload(real).put("iat", now - 3600).put("exp", now - 1800);
        ObjectNode notYetValid = ForgedTokens.payload(real).put("nbf", now + 1800).put("exp", now + 3600);
        ObjectNode wrongIssuer = ForgedTokens.payload(real).put("iss", Stack.get().keycloakUrl() + "/realms/master");
        ObjectNode wrongAudience = ForgedTokens.payload(real).put("aud", "account");
        ObjectNode otherUser = ForgedTokens.payload(real).put("sub", "00000000-0000-0000-0000-000000000001");
        ObjectNode madeAdmin = ForgedTokens.payload(real);
        madeAdmin.putObject("realm_access").putArray("roles").add("user").add("admin");
        KeyPair stranger = ForgedTokens.newRsaKey();

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("missing", null);
        attacks.put("not a JWT", "not-a-token");
        attacks.put("expired", ForgedTokens.sign(expired, ours, registeredKey.kid()));
        attacks.put("not yet valid (nbf)", ForgedTokens.sign(notYetValid, ours, registeredKey.kid()));
        attacks.put("wrong issuer", ForgedTokens.sign(wrongIssuer, ours, registeredKey.kid()));
        attacks.put("wrong audience", ForgedTokens.sign(wrongAudience, ours, registeredKey.kid()));
        attacks.put("signed by an unknown key", ForgedTokens.sign(ForgedTokens.payload(real), stranger, "unknown-key"));
        attacks.put("another key under the realm's key id", ForgedTokens.sign(ForgedTokens.payload(real), stranger, registeredKey.kid()));
        attacks.put("alg none", ForgedTokens.unsigned(ForgedTokens.payload(real)));
        attacks.put("HS256 with the public key", ForgedTokens.hmacWithPublicKey(ForgedTokens.payload(real), ours, registeredKey.kid()));
        attacks.put("tampered payload (other sub)", ForgedTokens.withPayload(real, otherUser));
        attacks.put("tampered payload (admin role)", ForgedTokens.withPayload(real, madeAdmin));

        int refused = 0;
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            for (String path : List.of("/api/me", "/api/journal/entries", "/api/streak", "/api/notifications/unread-count",
                    "/api/admin/content/articles")) {
                var request = given().redirects().follow(false);
                if (attack.getValue() != null) {
                    request = request.header("Authorization", "Bearer " + attack.getValue());
                }
                Response response = request.get(gateway.resolve(path));
                assertEquals(401, response.statusCode(), attack.getKey() + " on " + path + ": " + response.asString());
                assertTrue(response.contentType().startsWith("application/problem+json"), attack.getKey() + " on " + path);
                refused++;
            }
        }
        // a write with a forged token changes nothing
        given().header("Authorization", "Bearer " + attacks.get("alg none")).contentType(ContentType.JSON)
                .body(Map.of("body", "forged", "mood", 5, "urge", 5))
                .post(gateway.resolve("/api/journal/entries")).then().statusCode(401);
        given().auth().oauth2(real).get(gateway.resolve("/api/journal/entries")).then().statusCode(200)
                .body("items.size()", equalTo(0));

        // a real user token on admin routes: 403 problem
        int forbidden = 0;
        for (String[] route : List.of(
                new String[] {"GET", "/api/admin/content/articles"},
                new String[] {"POST", "/api/admin/content/articles"},
                new String[] {"GET", "/api/admin/content/audit"},
                new String[] {"GET", "/api/admin/content/resources"},
                new String[] {"POST", "/api/admin/notifications/broadcast"},
                new String[] {"GET", "/api/admin/notifications/dead-letters"})) {
            Response response = given().auth().oauth2(real).contentType(ContentType.JSON)
                    .body("{\"title\":\"t\",\"body\":\"b\"}")
                    .request(route[0], gateway.resolve(route[1]));
            assertEquals(403, response.statusCode(), route[0] + " " + route[1] + ": " + response.asString());
            assertTrue(response.contentType().startsWith("application/problem+json"), route[1]);
            forbidden++;
        }
        Report.row("Attackers", "bad tokens (" + attacks.size() + " kinds × 5 routes) → 401", refused + " refused, 0 accepted");
        Report.row("Attackers", "user token on admin routes → 403", forbidden + " refused, 0 accepted");
    }

    @Test
    void cookieWritesFromAnotherSiteAreRefused() {
        String username = KeycloakUsers.create("csrf", PASSWORD);
        BrowserSession browser = new BrowserSession(gateway);
        browser.signIn(username, PASSWORD);
        String entry = "{\"body\":\"written from the page\",\"mood\":5,\"urge\":3}";
        String own = gateway.getScheme() + "://" + gateway.getAuthority();

        List<Map<String, String>> forged = List.of(
                Map.of(),
                Map.of("Origin", own),
                Map.of(CrossSite.HEADER, "1", "Origin", "https://evil.example"),
                Map.of(CrossSite.HEADER, "1", "Sec-Fetch-Site", "cross-site"),
                Map.of(CrossSite.HEADER, "1", "Sec-Fetch-Site", "same-site"),
                Map.of(CrossSite.HEADER, "0"));
        int refused = 0;
        for (Map<String, String> headers : forged) {
            HttpResponse<String> response = browser.request("POST", "/api/journal/entries", entry, headers);
            assertEquals(403, response.statusCode(), headers + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            refused++;
        }
        for (String method : List.of("PUT", "DELETE")) {
            HttpResponse<String> response = browser.request(method, "/api/me", null, Map.of("Origin", "https://evil.example"));
            assertEquals(403, response.statusCode(), method + " /api/me: " + response.body());
            refused++;
        }
        HttpResponse<String> erase = browser.request("DELETE", "/api/me", null, Map.of());
        assertEquals(403, erase.statusCode(), "account erasure without the header: " + erase.body());
        refused++;

        // nothing was written, the account still exists; the page's own request goes through
        assertEquals(200, browser.get("/api/me").statusCode());
        assertTrue(browser.get("/api/journal/entries").body().contains("\"items\":[]"));
        HttpResponse<String> ok = browser.request("POST", "/api/journal/entries", entry,
                Map.of(CrossSite.HEADER, "1", "Origin", own, "Sec-Fetch-Site", "same-origin"));
        assertEquals(201, ok.statusCode(), ok.body());
        Report.row("Attackers", "CSRF: cookie writes without the header or from another origin → 403",
                refused + " refused, 0 accepted (the page's own write: 201)");
    }

    @Test
    void aFloodFromOneUserGets429WithRetryAfterAndOthersAreUnaffected() throws Exception {
        String flooder = Tokens.password(KeycloakUsers.create("flood", PASSWORD), PASSWORD);
        String bystander = Tokens.password(KeycloakUsers.create("bystander", PASSWORD), PASSWORD);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int sent = 400;
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < sent; i++) {
            calls.add(client.sendAsync(HttpRequest.newBuilder(gateway.resolve("/api/me"))
                    .header("Authorization", "Bearer " + flooder).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int accepted = 0;
        int limited = 0;
        long retryAfter = 0;
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.get();
            if (response.statusCode() == 200) {
                accepted++;
            } else {
                assertEquals(429, response.statusCode(), response.body());
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                long seconds = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(seconds >= 1, "Retry-After " + seconds);
                retryAfter = Math.max(retryAfter, seconds);
                limited++;
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        // prod profile: a bucket of 120, refilled at 300 a minute (gateway application.properties)
        int allowed = 120 + (int) Math.ceil(elapsed * 5) + 1;
        assertTrue(limited > 0, "no 429 among " + sent + " requests in " + elapsed + " s");
        assertTrue(accepted <= allowed, accepted + " accepted, more than the burst allows (" + allowed + ")");

        given().auth().oauth2(bystander).get(gateway.resolve("/api/me")).then().statusCode(200);
        await().atMost(Duration.ofSeconds(retryAfter + 10)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(flooder).get(gateway.resolve("/api/me")).statusCode() == 200);
        Report.row("Attackers", "rate limit: " + sent + " requests at once from one user",
                accepted + " accepted, " + limited + " × 429 (Retry-After ≤ " + retryAfter + " s); other users unaffected");
    }

    @Test
    void anotherUsersIdsAnswer404AndChangeNothing() {
        String owner = Tokens.password(KeycloakUsers.create("idor-owner", PASSWORD), PASSWORD);
        String intruder = Tokens.password(KeycloakUsers.create("idor-intruder", PASSWORD), PASSWORD);

        String entryId = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("body", "only mine", "mood", 4, "urge", 6, "emotions", List.of("sad")))
                .post(gateway.resolve("/api/journal/entries")).then().statusCode(201).extract().path("id");
        String entryBefore = given().auth().oauth2(owner).get(gateway.resolve("/api/journal/entries/" + entryId))
                .then().statusCode(200).extract().asString();
        // a message in the owner's inbox: preferences make them a broadcast recipient
        given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"UTC\",\"dailyCheckIn\":{\"enabled\":false,\"localTime\":\"20:00\"},"
                        + "\"channels\":{\"inApp\":true,\"email\":false},\"newGuides\":false}")
                .put(gateway.resolve("/api/notifications/preferences")).then().statusCode(200);
        given().auth().oauth2(intruder).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"UTC\",\"dailyCheckIn\":{\"enabled\":false,\"localTime\":\"20:00\"},"
                        + "\"channels\":{\"inApp\":true,\"email\":false},\"newGuides\":false}")
                .put(gateway.resolve("/api/notifications/preferences")).then().statusCode(200);
        given().auth().oauth2(Tokens.password("admin", "admin")).contentType(ContentType.JSON)
                .body("{\"title\":\"IDOR check\",\"body\":\"A message for everyone.\"}")
                .post(gateway.resolve("/api/admin/notifications/broadcast")).then().statusCode(202);
        String notificationId = await().atMost(Duration.ofSeconds(20)).until(
                () -> given().auth().oauth2(owner).get(gateway.resolve("/api/notifications?unreadOnly=true&limit=100"))
                        .then().statusCode(200).extract().<String>path("items.find { it.title == 'IDOR check' }.id"),
                id -> id != null);
        int unreadBefore = given().auth().oauth2(owner).get(gateway.resolve("/api/notifications/unread-count"))
                .then().statusCode(200).extract().path("count");

        List<Response> attempts = List.of(
                given().auth().oauth2(intruder).get(gateway.resolve("/api/journal/entries/" + entryId)),
                given().auth().oauth2(intruder).contentType(ContentType.JSON)
                        .body(Map.of("body", "overwritten", "mood", 1, "urge", 10))
                        .put(gateway.resolve("/api/journal/entries/" + entryId)),
                given().auth().oauth2(intruder).delete(gateway.resolve("/api/journal/entries/" + entryId)),
                given().auth().oauth2(intruder).post(gateway.resolve("/api/notifications/" + notificationId + "/read")));
        for (Response attempt : attempts) {
            assertEquals(404, attempt.statusCode(), attempt.asString());
            assertTrue(attempt.contentType().startsWith("application/problem+json"));
        }
        // the intruder's own lists and bulk actions never reach the owner's data either
        given().auth().oauth2(intruder).get(gateway.resolve("/api/journal/entries"))
                .then().statusCode(200).body("items.id", not(hasItem(entryId)));
        given().auth().oauth2(intruder).get(gateway.resolve("/api/notifications?limit=100"))
                .then().statusCode(200).body("items.id", not(hasItem(notificationId)));
        given().auth().oauth2(intruder).post(gateway.resolve("/api/notifications/read-all")).then().statusCode(200);
        given().auth().oauth2(intruder).get(gateway.resolve("/api/journal/export?format=json"))
                .then().statusCode(200).body(not(org.hamcrest.Matchers.containsString("only mine")));

        assertEquals(entryBefore, given().auth().oauth2(owner).get(gateway.resolve("/api/journal/entries/" + entryId))
                .then().statusCode(200).extract().asString());
        given().auth().oauth2(owner).get(gateway.resolve("/api/notifications/unread-count"))
                .then().statusCode(200).body("count", equalTo(unreadBefore));
        Report.row("Attackers", "IDOR: another user's entry (read, change, delete) and message (mark read) → 404",
                attempts.size() + " × 404, owner's data unchanged");
    }

    /** The gateway's CSRF header (gateway guard/CrossSiteRequestGuard). */
    private static final class CrossSite {
        static final String HEADER = "X-Detach-Request";
    }
}
