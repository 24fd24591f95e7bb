package app.detach.gateway.me;

import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Who is signed in. Read from the identity Quarkus OIDC established: for a browser session the
 * principal is the ID token, for an API client the bearer access token; roles come from the access
 * token in both cases ({@code quarkus.oidc.roles.source=accesstoken}).
 */
@Path("/api/me")
public class MeResource {

    private static final Logger LOG = Logger.getLogger(MeResource.class);

    private final SecurityIdentity identity;
    private final ErasureRequests erasureRequests;
    private final SignInAccounts signInAccounts;
    private final OidcSession session;
    private final HttpServerRequest request;

    MeResource(SecurityIdentity identity, ErasureRequests erasureRequests, SignInAccounts signInAccounts,
               OidcSession session, HttpServerRequest request) {
        this.identity = identity;
        this.erasureRequests = erasureRequests;
        this.signInAccounts = signInAccounts;
        this.session = session;
        this.request = request;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in user: id (the token's sub), name, email and roles")
    public Me me() {
        List<String> roles = identity.getRoles().stream().sorted().toList();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return new Me(token.getSubject(), nameOf(token), token.getClaim("email"), roles);
        }
        // Not reachable with OIDC, whose principal is always a token; kept total for safety.
        return new Me(identity.getPrincipal().getName(), identity.getPrincipal().getName(), null, roles);
    }

    private static String nameOf(JsonWebToken token) {
        String name = token.getClaim("name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String username = token.getClaim("preferred_username");
        return username != null ? username : token.getSubject();
    }

    /**
     * Erases the user everywhere: publishes {@code erasure-requested} (each service deletes its data
     * and answers with {@code data-erased}), then removes the Keycloak account and ends the browser
     * session. 202: the services finish asynchronously, within seconds.
     */
    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase all of the signed-in user's data in every service, and their account")
    public Uni<Response> erase() {
        String userId = identity.getPrincipal() instanceof JsonWebToken token
                ? token.getSubject() : identity.getPrincipal().getName();
        return erasureRequests.request(userId)
                .onFailure().transform(failure -> {
                    LOG.warnf("erasure request for %s not published: %s", userId, failure.toString());
                    return new ProblemException(Problem.of(503, "Service Unavailable",
                            "We could not start erasing your data just now. Please try again in a minute."));
                })
                .call(() -> signInAccounts.remove(userId)
                        .onFailure().transform(failure -> {
                            LOG.warnf("erasure of %s requested, but the sign-in account was not removed: %s",
                                    userId, failure.toString());
                            return new ProblemException(Problem.of(503, "Service Unavailable",
                                    "Your data is being erased, but your sign-in account could not be removed yet. Please try again in a minute."));
                        }))
                .call(this::endBrowserSession)
                .map(requestId -> Response.accepted(ErasureAccepted.requested(userId, requestId)).build());
    }

    /** A browser's session cookie is cleared; an API client (bearer token) has no session here. */
    private Uni<Void> endBrowserSession() {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().voidItem();
        }
        return session.logout();
    }
}
