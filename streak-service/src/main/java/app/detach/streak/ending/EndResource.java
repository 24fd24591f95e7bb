package app.detach.streak.ending;

import app.detach.rest.CurrentUser;
import app.detach.streak.current.Streak;
import app.detach.streak.current.Streaks;
import app.detach.streak.readiness.ReadinessCheck;
import app.detach.streak.readiness.ReadinessChecks;
import app.detach.streak.time.Clocks;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Ending no contact on purpose. It is the user's decision, not a slip: the streak ends as
 * {@code CHOSEN}, {@code streak-reset {reason: CHOSEN}} goes out, and no new streak starts (a
 * later PUT /api/streak can start one again).
 */
@Path("/api/streak/end")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EndResource {

    private final CurrentUser user;
    private final Streaks streaks;
    private final Clock clock;

    EndResource(CurrentUser user, Streaks streaks, Clock clock) {
        this.user = user;
        this.streaks = streaks;
        this.clock = clock;
    }

    /** @param readinessCheckId the user's own readiness check this decision followed (optional) */
    public record EndRequest(UUID readinessCheckId) {
    }

    public record EndedStreak(UUID streakId, Instant startedAt, Instant endedAt, int days, String endedBy,
            UUID readinessCheckId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<EndedStreak> end(@NotNull(message = "must be a JSON object, {} when empty") @Valid EndRequest request) {
        String userId = user.id();
        Instant now = Clocks.now(clock);
        UUID checkId = request == null ? null : request.readinessCheckId();
        return streaks.lockCurrent(userId)
                .flatMap(locked -> (checkId == null
                                ? Uni.createFrom().<ReadinessCheck>nullItem()
                                : ReadinessChecks.findOwn(userId, checkId.toString()))
                        .flatMap(check -> streaks.endByChoice(locked.user(), locked.current(), now, checkId)))
                .map(EndResource::answer);
    }

    private static EndedStreak answer(Streak s) {
        return new EndedStreak(s.id, s.startedAt, s.endedAt, s.days, s.endReason, s.endedByReadinessCheckId);
    }
}
