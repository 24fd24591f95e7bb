package app.detach.testing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** A service-like endpoint secured the way Detach services are. */
@Path("/secured")
public class SecuredResource {

    private final JsonWebToken token;

    SecuredResource(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Path("/me")
    @RolesAllowed("user")
    public String me() {
        return token.getSubject() + " " + token.getClaim("email");
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin " + token.getSubject();
    }
}
