package app.detach.gateway.problem;

import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * An HTTP permission ({@code quarkus.http.auth.permission.*}) that denies a signed-in user fails
 * the routing context with {@link ForbiddenException}; answer it as problem+json instead of
 * Quarkus' empty 403. Runs before Quarkus' own failure handlers; everything else passes on.
 */
@ApplicationScoped
public class ForbiddenAsProblem {

    private final Problems problems;

    ForbiddenAsProblem(Problems problems) {
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof ForbiddenException && !context.response().ended()) {
                problems.forbidden(context.response(), context.normalizedPath());
            } else {
                context.next();
            }
        });
    }
}
