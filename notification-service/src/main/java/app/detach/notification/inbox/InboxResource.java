package app.detach.notification.inbox;

import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signed-in user's inbox. Messages deferred by quiet hours or the daily cap appear at their time. */
@Path("/api/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    static final int MAX_LIMIT = 100;

    private final CurrentUser user;
    private final Clock clock;

    InboxResource(CurrentUser user, Clock clock) {
        this.user = user;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<Page> list(@QueryParam("unreadOnly") @DefaultValue("false") String unreadOnlyText,
            @QueryParam("limit") @DefaultValue("20") String limitText, @QueryParam("cursor") String cursor) {
        int limit = limit(limitText);
        boolean unreadOnly = flag(unreadOnlyText);
        StringBuilder query = new StringBuilder("userId = :user and deliverAt <= :now");
        Parameters params = Parameters.with("user", user.id()).and("now", clock.instant());
        if (unreadOnly) {
            query.append(" and readAt is null");
        }
        if (cursor != null && !cursor.isBlank()) {
            InboxCursor after = InboxCursor.decode(cursor);
            query.append(" and (deliverAt < :afterAt or (deliverAt = :afterAt and id < :afterId))");
            params.and("afterAt", after.deliverAt()).and("afterId", after.id());
        }
        return Notification.<Notification>find(query.toString(),
                        Sort.descending("deliverAt").and("id", Sort.Direction.Descending), params.map())
                .page(0, limit + 1).list()
                .map(rows -> {
                    List<Notification> page = rows.size() > limit ? rows.subList(0, limit) : rows;
                    String next = rows.size() > limit
                            ? new InboxCursor(page.get(limit - 1).deliverAt, page.get(limit - 1).id).encode()
                            : null;
                    return new Page(page.stream().map(NotificationView::of).toList(), next);
                });
    }

    @GET
    @Path("/unread-count")
    @WithSession
    public Uni<UnreadCount> unreadCount() {
        return Notification.count("userId = ?1 and readAt is null and deliverAt <= ?2", user.id(), clock.instant())
                .map(UnreadCount::new);
    }

    @POST
    @Path("/{id}/read")
    @WithTransaction
    public Uni<NotificationView> markRead(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        Instant now = clock.instant();
        // a foreign or not yet delivered message is "not found", never "forbidden"
        return Notification.<Notification>find("id = ?1 and userId = ?2 and deliverAt <= ?3", uuid, user.id(), now)
                .firstResult()
                .map(n -> {
                    if (n == null) {
                        throw ProblemException.notFound("No such notification.");
                    }
                    if (n.readAt == null) {
                        n.readAt = now;
                    }
                    return NotificationView.of(n);
                });
    }

    @POST
    @Path("/read-all")
    @WithTransaction
    public Uni<Marked> markAllRead() {
        Instant now = clock.instant();
        return Notification.update("readAt = ?1 where userId = ?2 and readAt is null and deliverAt <= ?1", now, user.id())
                .map(Marked::new);
    }

    /** Parsed by hand: JAX-RS reads any word but "true" as false, so "unreadOnly=maybe" listed everything. */
    static boolean flag(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid("unreadOnly", "must be true or false");
    }

    /** Parsed by hand: a JAX-RS conversion failure would answer 404, but a bad limit is a 400. */
    static int limit(String text) {
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // fall through to the problem
        }
        throw ProblemException.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No such notification.");
        }
    }

    public record Page(List<NotificationView> items, String nextCursor) {
    }

    public record UnreadCount(long count) {
    }

    public record Marked(int marked) {
    }
}
