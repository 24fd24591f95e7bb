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
import io.smallrye.faulttolerance.api.TypedGuard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;
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
    private final TypedGuard<CompletionStage<ProxyResponse>> breaker;

    private HttpClientRequest origin;
    private boolean timedOut;

    UpstreamRelay(Vertx vertx, Upstream upstream, String accessToken, long connectTimeoutMillis,
            long responseTimeoutMillis, Problems problems, TypedGuard<CompletionStage<ProxyResponse>> breaker) {
        this.vertx = vertx;
        this.upstream = upstream;
        this.accessToken = accessToken;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.responseTimeoutMillis = responseTimeoutMillis;
        this.problems = problems;
        this.breaker = breaker;
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
        // The upstream's circuit breaker counts calls that could not reach it (an upstream's own
        // 5xx answer is an answer); while it is open, requests get their 503 at once instead of
        // each waiting for a connect or response timeout.
        Future<ProxyResponse> sent = Future.fromCompletionStage(
                breaker.get(() -> context.sendRequest().toCompletionStage()), vertx.getOrCreateContext());
        return sent
                .onComplete(ignored -> vertx.cancelTimer(timer))
                .recover(failure -> Future.succeededFuture(unavailable(request, failure)));
    }

    private void rewriteHeaders(ProxyRequest request) {
        HttpServerRequest inbound = request.proxiedRequest();
        MultiMap headers = request.headers();
        headers.remove(HttpHeaders.COOKIE);
        if (accessToken == null) {
            headers.remove(HttpHeaders.AUTHORIZATION); // an open route: nothing of the caller's identity goes along
        } else {
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
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
        if (failure instanceof CircuitBreakerOpenException) {
            LOG.debugf("Upstream %s circuit open, refused %s %s at once", upstream.name(), request.getMethod(), path);
            return problem(request, path, "The " + upstream.name()
                    + " service is not answering; requests to it are paused for a few seconds. Try again in a moment.");
        }
        boolean timeout = timedOut || failure instanceof TimeoutException
                || failure.getCause() instanceof TimeoutException;
        LOG.warnf("Upstream %s %s for %s %s: %s", upstream.name(), timeout ? "timed out" : "unreachable",
                request.getMethod(), path, failure.toString());
        String detail = timeout
                ? "The " + upstream.name() + " service did not answer in time. Try again in a moment."
                : "The " + upstream.name() + " service cannot be reached right now. Try again in a moment.";
        return problem(request, path, detail);
    }

    private ProxyResponse problem(ProxyRequest request, String path, String detail) {
        return request.release().response()
                .setStatusCode(503)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.RETRY_AFTER, "5")
                .setBody(Body.body(problems.body(503, "Service unavailable", detail, path)));
    }
}
