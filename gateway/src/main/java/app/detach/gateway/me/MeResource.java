package app.detach.gateway.me;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * Who is signed in. Read from the identity Quarkus OIDC established: for a browser session the
 * principal is the ID token, for an API client the bearer access token; roles come from the access
 * token in both cases ({@code quarkus.oidc.roles.source=accesstoken}).
 */
@Path("/api/me")
public class MeResource {

    private final SecurityIdentity identity;

    MeResource(SecurityIdentity identity) {
        this.identity = identity;
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
}
