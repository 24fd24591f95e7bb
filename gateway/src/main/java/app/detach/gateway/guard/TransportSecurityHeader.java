package app.detach.gateway.guard;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Strict-Transport-Security} on every answer to a request that came over TLS (directly, or
 * through the ingress when {@code quarkus.http.proxy.proxy-address-forwarding} trusts its
 * {@code X-Forwarded-Proto}). Browsers ignore the header over plain HTTP, and sending it there
 * would only confuse the local stack, which runs on http://localhost.
 */
@ApplicationScoped
public class TransportSecurityHeader {

    static final String VALUE = "max-age=31536000; includeSubDomains";

    void register(@Observes Filters filters) {
        filters.register(this::add, 1000);
    }

    private void add(RoutingContext context) {
        if ("https".equalsIgnoreCase(context.request().scheme())) {
            context.response().putHeader("Strict-Transport-Security", VALUE);
        }
        context.next();
    }
}
