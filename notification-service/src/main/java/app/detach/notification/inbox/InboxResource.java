package app.detach.notification.inbox;

import app.detach.rest.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in user's inbox. */
@Path("/api/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final CurrentUser user;

    InboxResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    @Path("/unread-count")
    @WithSession
    public Uni<UnreadCount> unreadCount() {
        return Notification.count("userId = ?1 and readAt is null", user.id()).map(UnreadCount::new);
    }

    public record UnreadCount(long count) {
    }
}
