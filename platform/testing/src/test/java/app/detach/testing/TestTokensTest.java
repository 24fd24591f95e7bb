package app.detach.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens from {@link TestTokens} verify against the JWKS the OIDC test server publishes. */
class TestTokensTest {

    private static final OidcTestResource OIDC = new OidcTestResource();
    private static Map<String, String> config;
    private static JwtConsumer verifier;

    @BeforeAll
    static void startServer() throws Exception {
        config = OIDC.start();
        String discovery = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(config.get("quarkus.oidc.auth-server-url")
                        + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(discovery.contains("\"issuer\" : \"" + TestTokens.ISSUER + "\""), discovery);
        verifier = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(
                        config.get("quarkus.oidc.auth-server-url") + "/protocol/openid-connect/certs")))
                .setExpectedIssuer(config.get("quarkus.oidc.token.issuer"))
                .setExpectedAudience(TestTokens.AUDIENCE)
                .setRequireExpirationTime()
                .build();
    }

    @AfterAll
    static void stopServer() {
        OIDC.stop();
    }

    @Test
    void userAndAdminTokensVerifyAndCarryRolesTwice() throws Exception {
        JwtClaims user = verifier.processToClaims(TestTokens.user("u-1"));
        assertEquals("u-1", user.getSubject());
        assertEquals("u-1", user.getStringClaimValue("preferred_username"));
        assertEquals("u-1@example.com", user.getStringClaimValue("email"));
        assertEquals(List.of("user"), user.getStringListClaimValue("groups"));

        JwtClaims admin = verifier.processToClaims(TestTokens.admin("a-1"));
        assertEquals(List.of("admin", "user"), admin.getStringListClaimValue("groups"));
        assertEquals(List.of("admin", "user"), admin.getClaimValue("realm_access", Map.class).get("roles"));
    }

    @Test
    void negativeTokensAreRejected() {
        assertThrows(InvalidJwtException.class, () -> verifier.processToClaims(TestTokens.expired("u-2")));
        assertThrows(InvalidJwtException.class, () -> verifier.processToClaims(TestTokens.wrongAudience("u-2")));
        assertThrows(InvalidJwtException.class, () -> verifier.processToClaims(TestTokens.wrongIssuer("u-2")));
    }
}
