package app.detach.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * The secrets an application cannot run without, checked when the configuration is read, before any
 * start-up action (Flyway's migration, the Keycloak admin client): each {@code detach.required-secrets.<name>}
 * names the setting that holds a secret, e.g.
 * <pre>{@code
 * quarkus.datasource.password=${QUARKUS_DATASOURCE_PASSWORD}
 * %dev,test,local.quarkus.datasource.password=journal
 * detach.required-secrets.datasource-password=${quarkus.datasource.password}
 * }</pre>
 * Outside the dev, test and local profiles a missing variable then stops the start with
 * {@code SRCFG00011: Could not expand value QUARKUS_DATASOURCE_PASSWORD in property ...}. Needed because
 * Quarkus reads its own optional settings (the datasource password, the OIDC secrets) as absent when their
 * expression cannot be expanded, and would start without them.
 */
@ConfigMapping(prefix = "detach.required-secrets")
public interface RequiredSecrets {

    /** Setting name -> its (expanded) value; only that it expands matters. */
    @WithParentName
    Map<String, String> values();
}
