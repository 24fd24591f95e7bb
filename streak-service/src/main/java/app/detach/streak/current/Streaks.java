package app.detach.streak.current;

import app.detach.events.streak.StreakReset;
import app.detach.events.streak.StreakStarted;
import app.detach.outbox.Outbox;
import app.detach.rest.ProblemException;
import app.detach.streak.rules.DayBoundary;
import app.detach.streak.rules.DayCount;
import app.detach.streak.rules.MilestonePlan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.UUID;

/**
 * The life of streaks: begin one, end one, and lock a user's streak state. Every method runs in
 * the caller's transaction and records its events through the outbox there.
 */
@ApplicationScoped
public class Streaks {

    private final Outbox outbox;

    Streaks(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The user's settings row, locked for this transaction; 409 when they have no streak yet. */
    public Uni<Locked> lockCurrent(String userId) {
        return StreakUser.<StreakUser>findById(userId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.conflict(
                        "No streak started yet. Start one with PUT /api/streak first."))
                .flatMap(user -> {
                    if (user.currentStreakId == null) {
                        // no contact was ended by choice: nothing to count a contact or urge against
                        throw ProblemException.conflict("There is no current streak. Start one with PUT /api/streak first.");
                    }
                    return Streak.<Streak>findById(user.currentStreakId).map(streak -> new Locked(user, streak));
                });
    }

    /** A user's settings with the current streak, read (and locked) together. */
    public record Locked(StreakUser user, Streak current) {
    }

    /**
     * Starts a streak at {@code startedAt} and makes it current. Milestones already behind it at
     * {@code now} (a backdated start) are not emitted: the first one scheduled is the next to come.
     */
    public Uni<Streak> begin(StreakUser user, Instant startedAt, Instant now) {
        DayBoundary boundary = user.boundary();
        Streak streak = new Streak();
        streak.id = UUID.randomUUID();
        streak.userId = user.userId;
        streak.startedAt = startedAt;
        streak.startDate = DayCount.userDay(startedAt, boundary);
        MilestonePlan.Due next = MilestonePlan.nextAfterNow(streak.startDate, now, boundary);
        streak.nextMilestoneDay = next.day();
        streak.nextMilestoneAt = next.at();
        user.currentStreakId = streak.id;
        user.updatedAt = now;
        return streak.<Streak>persist()
                .call(() -> outbox.record(new StreakStarted(user.userId, streak.id, startedAt, user.timeZone)))
                .replaceWith(streak);
    }

    /** Ends a streak because a breaking contact happened at {@code at}; records streak-reset. */
    public Uni<Streak> endByContact(Streak streak, DayBoundary zone, Instant at, UUID contactId, String kind) {
        end(streak, zone, at, Streak.ENDED_BY_CONTACT);
        streak.endedByContactId = contactId;
        streak.endedByKind = kind;
        return outbox.record(new StreakReset(streak.userId, streak.id, streak.days, at)).replaceWith(streak);
    }

    /** Ends a streak because the user started a new one with PUT /api/streak (no streak-reset: nothing broke it). */
    public Streak endByRestart(Streak streak, DayBoundary zone, Instant at) {
        end(streak, zone, at, Streak.ENDED_BY_RESTART);
        return streak;
    }

    /**
     * Ends the current streak because the user chose to end no contact (not a slip): records
     * {@code streak-reset {reason: CHOSEN}} and leaves the user without a current streak.
     */
    public Uni<Streak> endByChoice(StreakUser user, Streak streak, Instant at, UUID readinessCheckId) {
        end(streak, user.boundary(), at, Streak.ENDED_BY_CHOICE);
        streak.endedByReadinessCheckId = readinessCheckId;
        user.currentStreakId = null;
        user.updatedAt = at;
        return outbox.record(new StreakReset(streak.userId, streak.id, streak.days, at, StreakReset.CHOSEN))
                .replaceWith(streak);
    }

    private static void end(Streak streak, DayBoundary zone, Instant at, String reason) {
        streak.endedAt = at;
        streak.days = DayCount.daysAt(streak.startDate, at, zone);
        streak.endReason = reason;
        streak.nextMilestoneDay = null;
        streak.nextMilestoneAt = null;
    }

    /** Inserts the user's settings row if it is missing; true when it was inserted now. */
    public Uni<Boolean> ensureUser(String userId, String timeZone, boolean socialMediaCheckBreaks, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO streak_user (user_id, time_zone, social_media_check_breaks, updated_at)"
                                + " VALUES (:user, :zone, :social, :now) ON CONFLICT DO NOTHING")
                .setParameter("user", userId)
                .setParameter("zone", timeZone)
                .setParameter("social", socialMediaCheckBreaks)
                .setParameter("now", now)
                .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    /** Longest and total days over the user's ended streaks. */
    public Uni<Totals> endedTotals(String userId) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select coalesce(max(s.days), 0), coalesce(sum(s.days), 0) from Streak s"
                                + " where s.userId = :user and s.endedAt is not null", Object[].class)
                .setParameter("user", userId)
                .getSingleResult())
                .map(row -> new Totals(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
    }

    /** Sums over ended streaks. */
    public record Totals(int longestDays, long totalDays) {
    }
}
