package app.detach.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused before it is
 * read, as Quarkus does, but with a 413 problem+json instead of Quarkus' empty answer, so clients
 * see the same error shape for every refusal.
 */
@ApplicationScoped
public class PayloadTooLarge {

    private static final String BODY = "{\"type\":\"" + ProblemTypes.BASE + "payload-too-large\",\"title\":\"Payload Too Large\","
            + "\"status\":413,\"detail\":\"The request body is too large.\",\"errors\":[]}";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> limit;

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > max) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY);
                return;
            }
            context.next();
        });
    }
}
