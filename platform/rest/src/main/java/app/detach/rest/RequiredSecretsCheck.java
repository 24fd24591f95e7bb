package app.detach.rest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Makes {@link RequiredSecrets} a used mapping, so Quarkus reads and checks it with the rest of the
 * configuration, before the first start-up action (an unused mapping is not read).
 */
@ApplicationScoped
class RequiredSecretsCheck {

    void started(@Observes StartupEvent event, RequiredSecrets secrets) {
        // nothing to do: a missing secret has already stopped the start-up while the configuration was read
    }
}
