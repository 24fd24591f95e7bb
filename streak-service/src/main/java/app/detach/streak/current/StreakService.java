package app.detach.streak.current;

import app.detach.rest.ProblemException;
import app.detach.streak.rules.DayCount;
import app.detach.streak.time.Clocks;
import app.detach.streak.time.Inputs;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Starting, restarting and reading the current streak.
 *
 * <p>PUT rules: the first PUT starts a streak. A later PUT with the <b>same</b> startedAt only
 * changes the settings (time zone, social-media choice) — that is how a user who moves changes
 * zone: the start date stays, the next milestone is rescheduled in the new zone. A later PUT with
 * a <b>later</b> startedAt restarts: the current streak ends there (reason RESTARTED) and a new
 * one begins. An <b>earlier</b> startedAt than the current streak's is refused (409): it would
 * rewrite history that other events already describe.
 */
@ApplicationScoped
public class StreakService {

    private final Streaks streaks;
    private final Clock clock;
    private final Inputs inputs;

    StreakService(Streaks streaks, Clock clock, Inputs inputs) {
        this.streaks = streaks;
        this.clock = clock;
        this.inputs = inputs;
    }

    @WithTransaction
    public Uni<StreakView> start(String userId, StartRequest request) {
        Instant now = Clocks.now(clock);
        ZoneId zone = Inputs.zone("timeZone", request.timeZone());
        Instant startedAt = inputs.pastInstant("startedAt", request.startedAt(), now);
        boolean social = Boolean.TRUE.equals(request.socialMediaCheckBreaks());
        return streaks.ensureUser(userId, zone.getId(), social, now)
                .flatMap(ignored -> StreakUser.<StreakUser>findById(userId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .flatMap(user -> user.currentStreakId == null
                        ? configure(user, zone, social, now).flatMap(u -> streaks.begin(u, startedAt, now)).replaceWithVoid()
                        : Streak.<Streak>findById(user.currentStreakId)
                                .flatMap(current -> change(user, current, zone, social, startedAt, now)))
                .flatMap(ignored -> view(userId, now));
    }

    private Uni<Void> change(StreakUser user, Streak current, ZoneId zone, boolean social, Instant startedAt,
            Instant now) {
        if (startedAt.equals(current.startedAt)) {
            boolean zoneChanged = !Objects.equals(user.timeZone, zone.getId());
            return configure(user, zone, social, now).invoke(u -> {
                if (zoneChanged && current.nextMilestoneDay != null) {
                    // the next milestone not yet emitted keeps its day; only its instant moves
                    current.nextMilestoneAt = DayCount.dayBegins(current.startDate, current.nextMilestoneDay, zone);
                }
            }).replaceWithVoid();
        }
        if (startedAt.isBefore(current.startedAt)) {
            return Uni.createFrom().failure(ProblemException.conflict("startedAt is before the current streak's start ("
                    + current.startedAt + "); a new streak can only start after it. To change the time zone or the"
                    + " social-media choice, send the current startedAt."));
        }
        // end the old streak in the zone it was lived in, then switch settings and begin the next
        streaks.endByRestart(current, user.zone(), startedAt);
        return configure(user, zone, social, now).flatMap(u -> streaks.begin(u, startedAt, now)).replaceWithVoid();
    }

    private static Uni<StreakUser> configure(StreakUser user, ZoneId zone, boolean social, Instant now) {
        user.timeZone = zone.getId();
        user.socialMediaCheckBreaks = social;
        user.updatedAt = now;
        return Uni.createFrom().item(user);
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
                .flatMap(user -> Streak.<Streak>findById(user.currentStreakId)
                        .flatMap(current -> streaks.endedTotals(userId)
                                .flatMap(totals -> urgeCount(userId)
                                        .flatMap(urges -> lastContact(userId)
                                                .map(last -> StreakView.of(user, current, totals, urges, last, now))))));
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
