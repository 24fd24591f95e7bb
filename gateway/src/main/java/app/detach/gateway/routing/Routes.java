package app.detach.gateway.routing;

import java.util.List;

/**
 * The public API prefixes and the upstream that owns each. A prefix matches itself and everything
 * below it ({@code /api/streak}, {@code /api/streak/contacts}); the path reaches the upstream
 * unchanged, since each service serves its own part of the public API.
 */
public final class Routes {

    public static final String JOURNAL = "journal";
    public static final String STREAK = "streak";
    public static final String CONTENT = "content";
    public static final String NOTIFICATION = "notification";

    public static final List<Route> ALL = List.of(
            new Route("/api/journal", JOURNAL),
            new Route("/api/streak", STREAK),
            new Route("/api/content", CONTENT),
            new Route("/api/admin/content", CONTENT),
            new Route("/api/notifications", NOTIFICATION),
            new Route("/api/admin/notifications", NOTIFICATION),
            // the link in every email: no sign-in, the signed token in the query is the proof
            new Route("/unsubscribe", NOTIFICATION, true));

    private Routes() {
    }

    /**
     * One prefix of the public API and the name of the upstream serving it. A {@code open} route
     * needs no sign-in (also listed in {@code quarkus.http.auth.permission.public.paths}) and is
     * relayed without any credentials.
     */
    public record Route(String prefix, String upstream, boolean open) {

        public Route(String prefix, String upstream) {
            this(prefix, upstream, false);
        }
    }
}
