package app.detach.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Quarkus' OIDC test server (WireMock serving discovery and a JWKS, {@link OidcWiremockTestResource})
 * configured the way Detach services check tokens.
 * <p>
 * The server listens on a random port per start. Returns {@code quarkus.oidc.auth-server-url}
 * (its {@code quarkus} realm) and {@code quarkus.oidc.token.issuer} = {@link TestTokens#ISSUER}, so a
 * service that pins its production issuer still accepts test tokens. Services keep their own
 * {@code quarkus.oidc.token.audience=detach-api}; {@link TestTokens} signs tokens for that audience
 * with the server's key. A test can have the {@code WireMockServer} injected into a field annotated
 * {@code @io.quarkus.test.oidc.server.OidcWireMock} to add stubs.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    private final OidcWiremockTestResource delegate = new OidcWiremockTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(delegate.start());
        String keycloakUrl = config.get("keycloak.url");
        config.put("quarkus.oidc.auth-server-url", keycloakUrl + "/realms/quarkus");
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        delegate.inject(testInjector);
    }

    @Override
    public void stop() {
        delegate.stop();
    }
}
