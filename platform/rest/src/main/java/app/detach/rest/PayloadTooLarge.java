package app.detach.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * A body declared larger than the limit is refused before it is read, as Quarkus does, but with a
 * 413 problem+json instead of Quarkus' empty answer, so clients see the same error shape for every
 * refusal.
 * <p>
 * Two limits: {@code detach.rest.max-body-size} (256 KiB) for every request, and the larger
 * {@code quarkus.http.limits.max-body-size} only for the paths in {@code detach.rest.large-body-paths}
 * (an archive to restore holds a whole journal). Quarkus itself enforces the larger one on every
 * request, also on one sent without a {@code Content-Length}; this filter the smaller one from the
 * declared length.
 */
@ApplicationScoped
public class PayloadTooLarge {

    private static final String BODY = "{\"type\":\"" + ProblemTypes.BASE + "payload-too-large\",\"title\":\"Payload Too Large\","
            + "\"status\":413,\"detail\":\"The request body is too large.\",\"errors\":[]}";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> largeLimit;

    @ConfigProperty(name = "detach.rest.max-body-size", defaultValue = "256K")
    MemorySize limit;

    @ConfigProperty(name = "detach.rest.large-body-paths")
    Optional<List<String>> largeBodyPaths;

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        long largeMax = largeLimit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        List<String> largePaths = largeBodyPaths.orElse(List.of());
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            long length = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
            long allowed = largePaths.contains(context.request().path()) ? largeMax : Math.min(max, largeMax);
            if (length > allowed) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY);
                return;
            }
            context.next();
        });
    }

    private static long declaredLength(String declared) {
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP layer refuses a malformed length itself
        }
    }
}
