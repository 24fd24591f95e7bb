package app.detach.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in user of the current request. Every query a service runs is scoped by
 * {@link #id()}, the token's {@code sub}: the only identity a user cannot choose.
 */
@RequestScoped
public class CurrentUser {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    CurrentUser(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The user's id: the access token's {@code sub}. */
    public String id() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            // A token without sub must never reach a query: treat it as unauthenticated.
            throw new io.quarkus.security.AuthenticationFailedException("token has no subject");
        }
        return subject;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
