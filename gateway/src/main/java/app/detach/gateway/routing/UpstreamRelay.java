package app.detach.gateway.routing;

import app.detach.gateway.problem.Problems;
import app.detach.rest.Problem;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeoutException;

/**
 * One proxied request to one upstream: opens the origin request, rewrites the request headers,
 * bounds the wait for the response headers and turns any failure to reach the upstream into a 503
 * problem. Everything runs on the event loop; nothing blocks.
 * <p>
 * Headers: the user's access token replaces whatever {@code Authorization} the client sent (for a
 * browser that is the token kept in its session); the {@code Cookie} header is dropped, so neither
 * the session cookie nor any other cookie leaves the gateway; {@code X-Forwarded-For/-Host/-Proto/-Port}
 * describe the client's request as the gateway saw it. Method, path, query, body, status and
 * response headers pass through unchanged, and bodies stream in both directions.
 */
final class UpstreamRelay implements ProxyInterceptor, OriginRequestProvider {

    private static final Logger LOG = Logger.getLogger(UpstreamRelay.class);

    private final Vertx vertx;
    private final Upstream upstream;
    private final String accessToken;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;
    private final Problems problems;

    private HttpClientRequest origin;
    private boolean timedOut;

    UpstreamRelay(Vertx vertx, Upstream upstream, String accessToken, long connectTimeoutMillis,
            long responseTimeoutMillis, Problems problems) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.accessToken = accessToken;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.problems = problems;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        RequestOptions options = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setConnectTimeout(connectTimeoutMillis);
        return context.client().request(options).compose(request -> {
            if (timedOut) {
                request.reset(0, new TimeoutException("response timeout"));
                return Future.failedFuture(new TimeoutException("response timeout"));
            }
            origin = request;
            return Future.succeededFuture(request);
        });
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        rewriteHeaders(request);
        if (!upstream.basePath().isEmpty()) {
            request.setURI(upstream.basePath() + request.getURI());
        }
        long timer = vertx.setTimer(responseTimeoutMillis, id -> {
            timedOut = true;
            if (origin != null) {
                origin.reset(0, new TimeoutException("no response within " + responseTimeoutMillis + " ms"));
            }
        });
        return context.sendRequest()
                .onComplete(ignored -> vertx.cancelTimer(timer))
                .recover(failure -> Future.succeededFuture(unavailable(request, failure)));
    }

    private void rewriteHeaders(ProxyRequest request) {
        HttpServerRequest inbound = request.proxiedRequest();
        MultiMap headers = request.headers();
        headers.remove(HttpHeaders.COOKIE);
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        headers.remove("Forwarded");
        if (inbound.remoteAddress() != null) {
            headers.set("X-Forwarded-For", inbound.remoteAddress().hostAddress());
        } else {
            headers.remove("X-Forwarded-For");
        }
        headers.set("X-Forwarded-Proto", inbound.scheme() == null ? "http" : inbound.scheme());
        HostAndPort authority = inbound.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
            int port = authority.port() > 0 ? authority.port() : "https".equals(inbound.scheme()) ? 443 : 80;
            headers.set("X-Forwarded-Port", Integer.toString(port));
        }
    }

    private ProxyResponse unavailable(ProxyRequest request, Throwable failure) {
        String path = request.proxiedRequest().path();
        boolean timeout = timedOut || failure instanceof TimeoutException
                || failure.getCause() instanceof TimeoutException;
        LOG.warnf("Upstream %s %s for %s %s: %s", upstream.name(), timeout ? "timed out" : "unreachable",
                request.getMethod(), path, failure.toString());
        String detail = timeout
                ? "The " + upstream.name() + " service did not answer in time. Try again in a moment."
                : "The " + upstream.name() + " service cannot be reached right now. Try again in a moment.";
        return request.release().response()
                .setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.RETRY_AFTER, "5")
                .setBody(Body.body(problems.body(503, "Service unavailable", detail, path)));
    }
}
