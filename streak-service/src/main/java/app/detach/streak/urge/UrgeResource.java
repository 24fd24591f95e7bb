package app.detach.streak.urge;

import app.detach.events.streak.UrgeResisted;
import app.detach.outbox.Outbox;
import app.detach.rest.CurrentUser;
import app.detach.streak.current.Streaks;
import app.detach.streak.settings.DaySettings;
import app.detach.streak.time.Clocks;
import app.detach.streak.time.Inputs;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Logging an urge that was resisted; answers with the running total. */
@Path("/api/streak/urges")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UrgeResource {

    private final CurrentUser user;
    private final Streaks streaks;
    private final Outbox outbox;
    private final Inputs inputs;
    private final Clock clock;
    private final DaySettings daySettings;

    UrgeResource(CurrentUser user, Streaks streaks, Outbox outbox, Inputs inputs, Clock clock, DaySettings daySettings) {
        this.daySettings = daySettings;
        this.user = user;
        this.streaks = streaks;
        this.outbox = outbox;
        this.inputs = inputs;
        this.clock = clock;
    }

    /**
     * @param intensity  how strong the urge was, 1–10
     * @param occurredAt when (default now); may be backdated, never in the future
     * @param note       private, max 2000 characters
     * @param timeZone   the IANA zone in force on the device (in FOLLOW_CURRENT it moves the user's zone)
     */
    public record UrgeRequest(@NotNull @Min(1) @Max(10) Integer intensity, Instant occurredAt,
            @Size(max = 2000) String note, @Size(max = 64) String timeZone) {
    }

    /** The logged urge and how many the user has resisted in all. */
    public record LoggedUrge(UUID urgeId, int intensity, Instant occurredAt, String timeZone, long urgesResisted) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> log(@Valid @NotNull UrgeRequest request) {
        String userId = user.id();
        Instant now = Clocks.now(clock);
        Instant occurredAt = inputs.pastInstant("occurredAt",
                request.occurredAt() == null ? now : request.occurredAt(), now);
        Urge urge = new Urge();
        urge.id = UUID.randomUUID();
        urge.userId = userId;
        urge.intensity = request.intensity().shortValue();
        urge.occurredAt = occurredAt;
        urge.note = request.note();
        urge.createdAt = now;
        // the lock orders this user's writes; an urge needs a streak so its day has a time zone
        return streaks.lockCurrent(userId)
                .flatMap(locked -> daySettings.followDevice(locked.user(), locked.current(), request.timeZone(), now))
                .flatMap(deviceZone -> {
                    urge.timeZone = deviceZone;
                    return urge.persist();
                })
                .call(() -> outbox.record(new UrgeResisted(userId, urge.id, urge.intensity, occurredAt, urge.timeZone)))
                .flatMap(ignored -> Urge.count("userId", userId))
                .map(total -> Response.status(Response.Status.CREATED)
                        .entity(new LoggedUrge(urge.id, urge.intensity, occurredAt, urge.timeZone, total)).build());
    }
}
