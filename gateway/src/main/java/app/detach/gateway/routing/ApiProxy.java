package app.detach.gateway.routing;

import app.detach.gateway.problem.Problems;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Routes {@code /api/<service>/**} to the services with Vert.x' reverse proxy, on Quarkus' own
 * router. Authentication and authorization have already happened by the time a request gets here
 * ({@code quarkus.http.auth.permission.*}: {@code /api/*} needs a user, {@code /api/admin/*} the
 * role {@code admin}); this only forwards, as the user, through {@link UpstreamRelay}.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final Problems problems;
    private HttpClient client;
    private final Map<String, TypedGuard<CompletionStage<ProxyResponse>>> breakers = new ConcurrentHashMap<>();

    ApiProxy(GatewayConfig config, Vertx vertx, Problems problems) {
        this.config = config;
        this.vertx = vertx;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        // Fail at startup, not on the first request, if an upstream is missing or malformed.
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        for (Routes.Route route : Routes.ALL) {
            upstreams.computeIfAbsent(route.upstream(), name -> Upstream.of(name, config.routes().get(name)));
        }
        GatewayConfig.Upstream settings = config.upstream();
        client = vertx.createHttpClient(new HttpClientOptions()
                .setName("detach-gateway-upstreams")
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxPoolSize(settings.maxPoolSize())
                .setKeepAlive(true));
        for (Routes.Route route : Routes.ALL) {
            Upstream upstream = upstreams.get(route.upstream());
            // "/api/streak/*" matches /api/streak itself and everything below it.
            router.route(route.prefix() + "/*").handler(context -> forward(context, upstream, route.open()));
            LOG.infof("Route %s/** -> %s (%s://%s:%d%s)", route.prefix(), upstream.name(),
                    upstream.ssl() ? "https" : "http", upstream.host(), upstream.port(), upstream.basePath());
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    private void forward(RoutingContext context, Upstream upstream, boolean open) {
        String accessToken = open ? null : accessToken(context);
        if (accessToken == null && !open) {
            // Not reachable while the /api/* permission requires authentication; never forward anonymously.
            problems.unauthorized(context.response(), context.normalizedPath());
            return;
        }
        GatewayConfig.Upstream settings = config.upstream();
        UpstreamRelay relay = new UpstreamRelay(vertx, upstream, accessToken,
                settings.connectTimeout().toMillis(), settings.responseTimeout().toMillis(), problems,
                breakers.computeIfAbsent(upstream.name(), this::breaker));
        HttpProxy.reverseProxy(client)
                .origin(relay)
                .addInterceptor(relay)
                .handle(context.request());
    }

    /** One breaker per upstream, shared by all requests to it (SmallRye Fault Tolerance, async, on the event loop). */
    private TypedGuard<CompletionStage<ProxyResponse>> breaker(String upstream) {
        GatewayConfig.CircuitBreaker settings = config.circuitBreaker();
        return TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
                .withDescription("upstream " + upstream)
                .withCircuitBreaker()
                    .name("gateway-upstream-" + upstream)
                    .requestVolumeThreshold(settings.requestVolume())
                    .failureRatio(settings.failureRatio())
                    .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .onStateChange(state -> LOG.infof("Upstream %s circuit %s", upstream, state))
                    .done()
                .withThreadOffload(false)
                .build();
    }

    /** The bearer token of an API client, or for a browser the access token kept in its session. */
    private static String accessToken(RoutingContext context) {
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
