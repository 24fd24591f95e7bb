package app.detach.gateway.me;

import app.detach.gateway.routing.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;

/**
 * Removes a user's Keycloak account after they asked for erasure, with the gateway client's
 * service account (realm-management/manage-users only). Keycloak holds the sign-in identity, the
 * one piece of a user's data no Detach service owns.
 *
 * <p>{@code detach.gateway.erasure.delete-account=false} turns it off for the gateway's own tests,
 * which run against Quarkus' OIDC test server instead of Keycloak; the system tests check it
 * against the real Keycloak.
 */
@ApplicationScoped
public class SignInAccounts {

    private static final Logger LOG = Logger.getLogger(SignInAccounts.class);

    private final Instance<Keycloak> keycloak;
    private final String realm;
    private final boolean enabled;

    SignInAccounts(Instance<Keycloak> keycloak,
                   @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm,
                   GatewayConfig config) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.enabled = config.erasure().deleteAccount();
    }

    /** Completes when the account is gone (also when it was gone already); fails otherwise. */
    public Uni<Void> remove(String userId) {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        // The admin client is blocking (RESTEasy client): keep it off the event loop.
        return Uni.createFrom().item(() -> delete(userId))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    private Void delete(String userId) {
        try (Response response = keycloak.get().realm(realm).users().delete(userId)) {
            int status = response.getStatus();
            if (status == 204 || status == 404) {
                LOG.infof("sign-in account %s removed (Keycloak answered %d)", userId, status);
                return null;
            }
            throw new IllegalStateException("Keycloak answered " + status + " to removing account " + userId);
        }
    }
}
