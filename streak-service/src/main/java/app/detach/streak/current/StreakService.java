package app.detach.streak.current;

import app.detach.rest.ProblemException;
import app.detach.streak.checkin.CheckInSummary;
import app.detach.streak.settings.DaySettings;
import app.detach.streak.settings.ZoneMode;
import app.detach.streak.time.Clocks;
import app.detach.streak.time.Inputs;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Starting, restarting and reading the current streak.
 *
 * <p>PUT rules: the first PUT starts a streak. A later PUT with the <b>same</b> startedAt only
 * changes the settings (time zone, social-media choice) — that is how a user who moves changes
 * zone: the start date stays, the next milestone is rescheduled in the new zone. After no contact
 * was ended by choice there is no current streak: a PUT starts one again (not before that end). A later PUT with
 * a <b>later</b> startedAt restarts: the current streak ends there (reason RESTARTED) and a new
 * one begins. An <b>earlier</b> startedAt than the current streak's is refused (409): it would
 * rewrite history that other events already describe.
 */
@ApplicationScoped
public class StreakService {

    private final Streaks streaks;
    private final Clock clock;
    private final Inputs inputs;
    private final DaySettings daySettings;

    StreakService(Streaks streaks, Clock clock, Inputs inputs, DaySettings daySettings) {
        this.streaks = streaks;
        this.clock = clock;
        this.inputs = inputs;
        this.daySettings = daySettings;
    }

    @WithTransaction
    public Uni<StreakView> start(String userId, StartRequest request) {
        Instant now = Clocks.now(clock);
        ZoneId zone = Inputs.zone("timeZone", request.timeZone());
        Instant startedAt = inputs.pastInstant("startedAt", request.startedAt(), now);
        boolean social = Boolean.TRUE.equals(request.socialMediaCheckBreaks());
        return streaks.ensureUser(userId, zone.getId(), social, now)
                .flatMap(firstTime -> StreakUser.<StreakUser>findById(userId, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(user -> user.currentStreakId == null
                                ? startAfterNone(user, zone, social, startedAt, now, firstTime)
                                : Streak.<Streak>findById(user.currentStreakId)
                                        .flatMap(current -> change(user, current, zone, social, startedAt, now))))
                .flatMap(ignored -> view(userId, now));
    }

    /** No current streak: the first one, or the first after no contact was ended by choice. */
    private Uni<Void> startAfterNone(StreakUser user, ZoneId zone, boolean social, Instant startedAt, Instant now,
            boolean firstTime) {
        return lastEnd(user.userId).flatMap(lastEnd -> {
            if (lastEnd != null && startedAt.isBefore(lastEnd)) {
                return Uni.createFrom().failure(ProblemException.conflict("startedAt is before the end of your last"
                        + " streak (" + lastEnd + "); a new streak can only start after it."));
            }
            return configure(user, null, zone, social, now, firstTime)
                    .flatMap(ignored -> streaks.begin(user, startedAt, now)).replaceWithVoid();
        });
    }

    private Uni<Void> change(StreakUser user, Streak current, ZoneId zone, boolean social, Instant startedAt,
            Instant now) {
        if (startedAt.equals(current.startedAt)) {
            // settings only; a zone change reschedules the next milestone (DaySettings)
            return configure(user, current, zone, social, now, false);
        }
        if (startedAt.isBefore(current.startedAt)) {
            return Uni.createFrom().failure(ProblemException.conflict("startedAt is before the current streak's start ("
                    + current.startedAt + "); a new streak can only start after it. To change the time zone or the"
                    + " social-media choice, send the current startedAt."));
        }
        // end the old streak in the day boundary it was lived in, then switch settings and begin the next
        streaks.endByRestart(current, user.boundary(), startedAt);
        return configure(user, current, zone, social, now, false)
                .flatMap(ignored -> streaks.begin(user, startedAt, now)).replaceWithVoid();
    }

    private Uni<Void> configure(StreakUser user, Streak current, ZoneId zone, boolean social, Instant now,
            boolean firstTime) {
        user.socialMediaCheckBreaks = social;
        return daySettings.change(user, current, zone, ZoneMode.valueOf(user.zoneMode), user.dayStartHour, now,
                firstTime);
    }

    private static Uni<Instant> lastEnd(String userId) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "select max(s.endedAt) from Streak s where s.userId = :user", Instant.class)
                .setParameter("user", userId).getSingleResultOrNull());
    }

    @WithSession
    public Uni<StreakView> current(String userId) {
        return view(userId, Clocks.now(clock));
    }

    /** The view of the user's streak at {@code now}, in the caller's session; 404 without a streak. */
    public Uni<StreakView> view(String userId, Instant now) {
        // flush first: the aggregate queries below must see this transaction's own changes
        return Panache.getSession().flatMap(session -> session.flush())
                .flatMap(flushed -> StreakUser.<StreakUser>findById(userId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No streak started yet. Start one with PUT /api/streak."))
                .invoke(user -> {
                    if (user.currentStreakId == null) {
                        throw ProblemException.notFound("There is no current streak. Start one with PUT /api/streak.");
                    }
                })
                .flatMap(user -> Streak.<Streak>findById(user.currentStreakId)
                        .flatMap(current -> streaks.endedTotals(userId)
                                .flatMap(totals -> urgeCount(userId)
                                        .flatMap(urges -> lastContact(userId)
                                                .flatMap(last -> CheckInSummary.latest(userId)
                                                        .map(checkIn -> StreakView.of(user, current, totals, urges,
                                                                last, checkIn, now)))))));
    }

    private static Uni<Long> urgeCount(String userId) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "select count(u) from Urge u where u.userId = :user", Long.class)
                .setParameter("user", userId).getSingleResult());
    }

    private static Uni<Instant> lastContact(String userId) {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "select max(c.occurredAt) from Contact c where c.userId = :user", Instant.class)
                .setParameter("user", userId).getSingleResultOrNull());
    }
}
