package app.detach.streak.checkin;

import app.detach.events.streak.CheckedIn;
import app.detach.outbox.Outbox;
import app.detach.rest.CurrentUser;
import app.detach.streak.current.Streaks;
import app.detach.streak.rules.DayCount;
import app.detach.streak.settings.DaySettings;
import app.detach.streak.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
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
import java.time.LocalDate;
import java.util.UUID;

/**
 * "I kept no contact today": once per user-day (the user's zone and day-start hour). The first
 * check-in of a day is 201 and emits {@code checked-in} (the daily reminder is then skipped); any
 * later one that day is 200 with {@code alreadyCheckedIn: true} and the same body, no event.
 */
@Path("/api/streak/check-ins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CheckInResource {

    private final CurrentUser user;
    private final Streaks streaks;
    private final DaySettings daySettings;
    private final Outbox outbox;
    private final Clock clock;

    CheckInResource(CurrentUser user, Streaks streaks, DaySettings daySettings, Outbox outbox, Clock clock) {
        this.user = user;
        this.streaks = streaks;
        this.daySettings = daySettings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param timeZone the IANA zone in force on the device (optional; in FOLLOW_CURRENT it moves the user's zone) */
    public record CheckInRequest(@Size(max = 64) String timeZone) {
    }

    public record CheckInAnswer(UUID checkInId, LocalDate localDate, Instant checkedInAt, String timeZone,
            int checkInStreakDays, boolean alreadyCheckedIn) {

        static CheckInAnswer of(CheckIn c, boolean already) {
            return new CheckInAnswer(c.id, c.localDate, c.checkedInAt, c.timeZone, c.streakDays, already);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> checkIn(@NotNull(message = "must be a JSON object, {} when empty") @Valid CheckInRequest request) {
        String userId = user.id();
        Instant now = Clocks.now(clock);
        String deviceZone = request == null ? null : request.timeZone();
        // the settings lock orders this with the user's other writes: two taps make one check-in
        return streaks.lockCurrent(userId)
                .flatMap(locked -> daySettings.followDevice(locked.user(), locked.current(), deviceZone, now)
                        .flatMap(zone -> CheckInSummary.latest(userId).flatMap(last -> {
                            LocalDate today = DayCount.userDay(now, locked.user().boundary());
                            if (last != null && !last.localDate.isBefore(today)) {
                                return Uni.createFrom().item(Response.ok(CheckInAnswer.of(last, true)).build());
                            }
                            CheckIn checkIn = new CheckIn();
                            checkIn.id = UUID.randomUUID();
                            checkIn.userId = userId;
                            checkIn.localDate = today;
                            checkIn.checkedInAt = now;
                            checkIn.timeZone = zone;
                            checkIn.streakDays = last != null && last.localDate.equals(today.minusDays(1))
                                    ? last.streakDays + 1 : 1;
                            return checkIn.persist()
                                    .call(() -> outbox.record(new CheckedIn(userId, checkIn.id, today, now,
                                            checkIn.streakDays)))
                                    .map(saved -> Response.status(Response.Status.CREATED)
                                            .entity(CheckInAnswer.of(checkIn, false)).build());
                        })));
    }
}
