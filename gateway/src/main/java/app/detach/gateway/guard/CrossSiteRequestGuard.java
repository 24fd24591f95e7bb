package app.detach.gateway.guard;

import app.detach.gateway.problem.Problems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.Set;

/**
 * CSRF protection for writes that ride on the browser's session cookie.
 *
 * <p>A state-changing request ({@code POST, PUT, PATCH, DELETE}) to {@code /api/**} that carries no {@code Authorization} header is authenticated by the cookie, so
 * it must prove it comes from our own page: it must send {@value #HEADER}{@code : 1} (a custom
 * header, which a cross-site form cannot send and a cross-site script cannot send without a CORS
 * preflight the gateway never approves), and if the browser says where it comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}) that must be this very origin. The session cookie's
 * {@code SameSite=Lax} already keeps it off cross-site POSTs in current browsers; this does not rely
 * on it. API clients with a bearer token are not exposed to CSRF and are not checked.
 *
 * <p>Runs before authentication, so a forged request never even refreshes a session.
 */
@ApplicationScoped
public class CrossSiteRequestGuard {

    public static final String HEADER = "X-Detach-Request";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final Problems problems;

    CrossSiteRequestGuard(Problems problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHENTICATION + 10);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        boolean guarded = path.startsWith("/api/") || path.equals("/api");
        if (!guarded || SAFE.contains(request.method()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            context.next();
            return;
        }
        String refusal = refusal(request);
        if (refusal == null) {
            context.next();
        } else {
            problems.send(context.response(), 403, "Forbidden", refusal, path);
        }
    }

    /** Why the request is refused, or {@code null} if it may go on. */
    static String refusal(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return "Cross-site request refused: this write must come from the Detach page itself.";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origin.equalsIgnoreCase(ownOrigin(request))) {
            return "Cross-site request refused: the request came from " + origin + ".";
        }
        if (!"1".equals(request.getHeader(HEADER))) {
            return "A write made with the session cookie must carry the header " + HEADER + ": 1.";
        }
        return null;
    }

    private static String ownOrigin(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        String scheme = request.scheme() == null ? "http" : request.scheme().toLowerCase(Locale.ROOT);
        if (authority == null) {
            return scheme + "://";
        }
        boolean defaultPort = authority.port() < 0
                || (scheme.equals("http") && authority.port() == 80)
                || (scheme.equals("https") && authority.port() == 443);
        return scheme + "://" + authority.host() + (defaultPort ? "" : ":" + authority.port());
    }
}
