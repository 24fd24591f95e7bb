package app.detach.notification.live;

import app.detach.notification.inbox.NotificationView;
import app.detach.rest.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * {@code GET /api/notifications/stream}: Server-Sent Events of the signed-in user's new messages.
 * Opens with a {@code ready} event (the stream is registered; anything delivered from now on
 * arrives), then one {@code notification} event per message as JSON, and a {@code ping} event every
 * {@code detach.notification.stream.ping} so proxies keep the connection open.
 */
@Path("/api/notifications/stream")
@Authenticated
public class LiveStreamResource {

    private final CurrentUser user;
    private final LiveHub hub;
    private final Duration ping;

    LiveStreamResource(CurrentUser user, LiveHub hub,
            @ConfigProperty(name = "detach.notification.stream.ping", defaultValue = "25s") Duration ping) {
        this.user = user;
        this.hub = hub;
        this.ping = ping;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        String userId = user.id(); // read now: the request scope is gone once the stream runs
        Multi<OutboundSseEvent> messages = hub.stream(userId)
                .map(view -> view == LiveHub.READY
                        ? sse.newEventBuilder().name("ready").data("{}").build()
                        : event(sse, "notification", view));
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(ping)
                .map(tick -> sse.newEventBuilder().name("ping").data("{}").build());
        return Multi.createBy().merging().streams(messages, pings);
    }

    private static OutboundSseEvent event(Sse sse, String name, NotificationView view) {
        return sse.newEventBuilder().name(name).id(view.id().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(NotificationView.class, view).build();
    }
}
