package app.detach.notification.checkin;

import app.detach.rest.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** The signed-in user's daily check-in. */
@Path("/api/notifications/check-in")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private final CurrentUser user;
    private final CheckInSnooze snooze;

    CheckInResource(CurrentUser user, CheckInSnooze snooze) {
        this.user = user;
        this.snooze = snooze;
    }

    public record Snoozed(Instant nextCheckInAt) {
    }

    /** 200 {@code {nextCheckInAt}}; 409 when there is no check-in today to snooze (none shown, or checked in). */
    @POST
    @Path("snooze")
    @WithTransaction
    public Uni<Snoozed> snooze() {
        return snooze.snooze(user.id()).map(Snoozed::new);
    }
}
