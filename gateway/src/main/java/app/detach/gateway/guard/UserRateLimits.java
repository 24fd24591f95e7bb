package app.detach.gateway.guard;

import app.detach.gateway.problem.Problems;
import app.detach.gateway.routing.GatewayConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * Per-user rate limit on {@code /api/**}: a token bucket per signed-in user (Bucket4j), so one
 * runaway client or script cannot starve the services for everyone else. Over the limit the answer
 * is 429 problem+json with {@code Retry-After} in seconds.
 *
 * <p>It runs after authorization, keyed by the verified user id (the token's {@code sub}): keying
 * by anything a caller can forge would let them spend someone else's budget. Buckets live in this
 * replica's memory and expire after an idle hour, so with N gateway replicas a user may get up to
 * N times the limit; the limit guards the services, it is not a quota.
 */
@ApplicationScoped
public class UserRateLimits {

    private final Problems problems;
    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;

    UserRateLimits(Problems problems, GatewayConfig config) {
        this.problems = problems;
        GatewayConfig.RateLimit settings = config.rateLimit();
        this.limit = Bandwidth.builder()
                .capacity(settings.burst())
                .refillGreedy(settings.perMinute(), Duration.ofMinutes(1))
                .build();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofHours(1))
                .maximumSize(1_000_000)
                .build();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHORIZATION - 10);
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        String userId = userId(context);
        if (userId == null || !(path.startsWith("/api/") || path.equals("/api"))) {
            context.next();
            return;
        }
        ConsumptionProbe probe = buckets.get(userId, id -> Bucket.builder().addLimit(limit).build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.send(context.response(), 429, "Too Many Requests",
                "Too many requests in a short time. Please wait " + seconds + " s and try again.", path);
    }

    private static String userId(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()) {
                return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                        ? token.getSubject() : identity.getPrincipal().getName();
            }
        }
        return null;
    }
}
