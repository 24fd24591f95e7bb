package app.detach.outbox;

import java.security.Principal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.detach.rest.Problem;
import app.detach.rest.ProblemMappers;
import io.smallrye.mutiny.Uni;

/**
 * Refuses the requests of an erased account. Erasing an account deletes its Keycloak user, but an
 * access token issued before stays valid until it expires (the realm's 5 minutes): a client holding
 * one could still create rows after the service erased everything, and they would stay, unowned, for
 * good. Reads are refused too, because some record something (today's prompt or guide is
 * remembered). A request whose token subject is in {@code erased_user} is answered 401
 * {@code invalid_token}, as for a revoked token (RFC 6750).
 *
 * <p>Runs on the I/O thread before the endpoint ({@code nonBlocking}), after authentication: the
 * lookup is one primary-key read on the reactive pool, so blocking endpoints are guarded too. Writes
 * before the erasure are deleted by it; what remains is a write whose check ran while the erasure's
 * transaction was still open, a window of milliseconds.
 */
public class ErasedAccountFilter {

    private static final Logger LOG = Logger.getLogger(ErasedAccountFilter.class);

    private final ErasedUsers erased;

    ErasedAccountFilter(ErasedUsers erased) {
        this.erased = erased;
    }

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> refuseErasedAccounts(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token) || token.getSubject() == null) {
            return Uni.createFrom().nullItem();
        }
        String userId = token.getSubject();
        return erased.isErased(userId).map(isErased -> {
            if (!isErased) {
                return null;
            }
            LOG.infof("request refused: the account %s was erased, its token is still within its lifetime", userId);
            return revoked(request.getUriInfo().getPath());
        });
    }

    static Response revoked(String path) {
        Problem problem = Problem.of(401, "Unauthorized",
                "This account was deleted, with all of its data. Its sign-in no longer works.");
        return ProblemMappers.unauthorized(problem, path,
                "Bearer error=\"invalid_token\", error_description=\"the account was erased\"");
    }
}
