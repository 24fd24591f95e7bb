package app.detach.streak.settings;

import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.current.Streaks;
import app.detach.streak.time.Clocks;
import app.detach.streak.time.Inputs;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The user's day and streak settings. They can be stored before any streak exists (PUT), so a
 * user can set their day before starting; GET is 404 until something was stored.
 */
@Path("/api/streak/settings")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final CurrentUser user;
    private final Streaks streaks;
    private final DaySettings daySettings;
    private final Clock clock;

    SettingsResource(CurrentUser user, Streaks streaks, DaySettings daySettings, Clock clock) {
        this.user = user;
        this.streaks = streaks;
        this.daySettings = daySettings;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<SettingsView> get() {
        return StreakUser.<StreakUser>findById(user.id())
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No settings stored yet. Store them with PUT /api/streak/settings."))
                .map(SettingsView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<SettingsView> put(@Valid @NotNull SettingsView request) {
        String userId = user.id();
        Instant now = Clocks.now(clock);
        ZoneId zone = Inputs.zone("timeZone", request.timeZone());
        return streaks.ensureUser(userId, zone.getId(), request.socialMediaCheckBreaks(), now)
                .flatMap(firstTime -> StreakUser.<StreakUser>findById(userId, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(settings -> (settings.currentStreakId == null
                                        ? Uni.createFrom().<Streak>nullItem()
                                        : Streak.<Streak>findById(settings.currentStreakId))
                                .flatMap(current -> {
                                    settings.socialMediaCheckBreaks = request.socialMediaCheckBreaks();
                                    if (request.limitedContact() != null) {
                                        settings.limitedContact = request.limitedContact().enabled();
                                    }
                                    return daySettings.change(settings, current, zone, request.zoneMode(),
                                            request.dayStartHour(), now, firstTime);
                                })
                                .replaceWith(() -> SettingsView.of(settings))));
    }
}
