package app.detach.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed access tokens that services accept when they run with {@link OidcTestResource}: issuer
 * {@link #ISSUER}, audience {@link #AUDIENCE}, signed with the OIDC test server's private key
 * ({@code privateKey.jwk}, key id {@code 1}, from {@code quarkus-test-oidc-server}).
 * <p>
 * Each token carries {@code sub}, {@code preferred_username}, {@code name}, {@code email}, and the
 * roles both in {@code groups} (MicroProfile JWT) and in Keycloak's {@code realm_access.roles}.
 * Use with RestAssured as {@code given().auth().oauth2(TestTokens.user(userId))}.
 */
public final class TestTokens {

    /** The issuer the OIDC test server announces (same system property and default as Quarkus'). */
    public static final String ISSUER = System.getProperty("quarkus.test.oidc.token.issuer",
            "https://server.example.com");
    /** The audience Detach services require ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "detach-api";

    private static final String KEY_LOCATION = "privateKey.jwk";
    private static final String KEY_ID = "1";
    private static final Duration LIFESPAN = Duration.ofHours(1);

    private TestTokens() {
    }

    /** A token for a user with role {@code user}. */
    public static String user(String sub) {
        return token(sub, Set.of("user"));
    }

    /** A token for a user with roles {@code user} and {@code admin}. */
    public static String admin(String sub) {
        return token(sub, Set.of("user", "admin"));
    }

    /** A token for {@code sub} with exactly the given roles. */
    public static String token(String sub, Set<String> roles) {
        return sign(claims(sub, roles));
    }

    /** A correctly signed token for role {@code user} that expired half an hour ago. */
    public static String expired(String sub) {
        Instant now = Instant.now();
        return sign(claims(sub, Set.of("user"))
                .issuedAt(now.minus(Duration.ofHours(2)))
                .expiresAt(now.minus(Duration.ofMinutes(30))));
    }

    /** A correctly signed, valid token for role {@code user}, but for another API's audience. */
    public static String wrongAudience(String sub) {
        return sign(claims(sub, Set.of("user")).audience("some-other-api"));
    }

    /** A correctly formed token for role {@code user} from another issuer. */
    public static String wrongIssuer(String sub) {
        return sign(claims(sub, Set.of("user")).issuer("https://evil.example.com"));
    }

    /**
     * The standard claims for {@code sub} and {@code roles}, for tests that need to add or change
     * a claim before {@link #sign(JwtClaimsBuilder) signing}.
     */
    public static JwtClaimsBuilder claims(String sub, Set<String> roles) {
        Set<String> sortedRoles = new TreeSet<>(roles);
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(sub)
                .preferredUserName(sub)
                .claim("name", "Test User " + sub)
                .claim("email", sub + "@example.com")
                .claim("typ", "Bearer")
                .groups(sortedRoles)
                .claim("realm_access", Map.of("roles", List.copyOf(sortedRoles)))
                .issuedAt(now)
                .expiresAt(now.plus(LIFESPAN));
    }

    /** Signs claims with the OIDC test server's key. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(KEY_LOCATION);
    }
}
