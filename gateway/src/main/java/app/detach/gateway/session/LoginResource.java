package app.detach.gateway.session;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * {@code /login} is protected by the {@code web} HTTP permission: without a session Quarkus OIDC
 * answers with the redirect to the login page (code flow with PKCE) before this runs. With one, the
 * browser goes on to the web page.
 */
@Path("/login")
public class LoginResource {

    @GET
    @Operation(summary = "Sign in through the identity provider, then open the web page")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
