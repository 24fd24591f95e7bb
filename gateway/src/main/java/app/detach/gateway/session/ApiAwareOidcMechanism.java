package app.detach.gateway.session;

import app.detach.gateway.problem.Problems;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.Set;

/**
 * Quarkus OIDC in hybrid mode, with one change: the API never redirects.
 * <p>
 * In hybrid mode a request without an {@code Authorization} header is treated as a browser and
 * challenged with a redirect to the login page. That is right for {@code /} and {@code /login}, but
 * an XHR or API client calling {@code /api/**} cannot follow it: there the challenge is a 401
 * problem+json, and a session that can no longer be used (expired, refresh failed) is a 401 too.
 * Everything else — the code flow with PKCE, the encrypted session cookie, bearer tokens, logout —
 * is Quarkus' own {@link OidcAuthenticationMechanism}, to which this delegates.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ApiAwareOidcMechanism implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism delegate;
    private final Problems problems;

    ApiAwareOidcMechanism(OidcAuthenticationMechanism delegate, Problems problems) {
        this.delegate = delegate;
        this.problems = problems;
    }

    static boolean isApi(RoutingContext context) {
        String path = context.normalizedPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Uni<SecurityIdentity> identity = delegate.authenticate(context, identityProviderManager);
        if (!isApi(context)) {
            return identity;
        }
        return identity.onFailure(AuthenticationRedirectException.class)
                .transform(redirect -> new AuthenticationFailedException("the session cannot be used for the API"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (isApi(context)) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }
        return delegate.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (isApi(context)) {
            // end() marks the response as ended at once; Quarkus then leaves it alone
            problems.unauthorized(context.response(), context.normalizedPath());
            return Uni.createFrom().item(true);
        }
        return delegate.sendChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return delegate.getPriority();
    }
}
