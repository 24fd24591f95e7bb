package app.detach.journal.streak;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import app.detach.journal.daysettings.DaySettings;
import app.detach.events.streak.UserDays;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Reads and updates the local streak projection. */
@ApplicationScoped
public class Streaks {

    private final Pool pool;

    Streaks(Pool pool) {
        this.pool = pool;
    }

    /** What the journal knows of a user's streak, outside any transaction. */
    public record Snapshot(Instant startedAt, String timeZone, Instant lastResetAt) {

        public Integer noContactDay(Instant now) {
            return NoContactDays.at(startedAt, timeZone, now);
        }
    }

    public Uni<Optional<Snapshot>> snapshot(String userId) {
        return pool.preparedQuery("SELECT started_at, time_zone, last_reset_at FROM streak_state WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Snapshot(
                            row.getOffsetDateTime("started_at") == null ? null : row.getOffsetDateTime("started_at").toInstant(),
                            row.getString("time_zone"),
                            row.getOffsetDateTime("last_reset_at") == null ? null : row.getOffsetDateTime("last_reset_at").toInstant()));
                });
    }

    /**
     * The user's no-contact day at {@code now}, read in the caller's Hibernate session: in the
     * user's days (zone and day-start hour of their day settings) once known, else calendar days in
     * the streak's zone.
     */
    public Uni<Integer> noContactDay(String userId, Instant now) {
        return Panache.getSession().flatMap(session -> session.find(StreakState.class, userId)
                .flatMap(state -> state == null || state.startedAt == null
                        ? Uni.createFrom().<Integer>nullItem()
                        : session.find(DaySettings.class, userId).map(settings -> NoContactDays.at(state.startedAt,
                                settings == null ? UserDays.midnight(ZoneId.of(state.timeZone))
                                        : new UserDays(ZoneId.of(settings.timeZone), settings.dayStartHour),
                                now))));
    }

    /** A streak started: it becomes the user's current streak. Runs in the caller's transaction. */
    public Uni<Void> started(String userId, java.util.UUID streakId, Instant startedAt, String timeZone, Instant now) {
        return Panache.getSession().flatMap(session -> session.find(StreakState.class, userId)
                .flatMap(existing -> {
                    StreakState state = existing == null ? new StreakState() : existing;
                    state.userId = userId;
                    state.streakId = streakId;
                    state.startedAt = startedAt;
                    state.timeZone = timeZone;
                    state.updatedAt = now;
                    return existing == null ? session.persist(state) : Uni.createFrom().voidItem();
                }));
    }

    /**
     * A streak was reset. Only the current streak is cleared: a late reset of an older streak must
     * not end the one the user restarted since.
     */
    public Uni<Void> reset(String userId, java.util.UUID streakId, Instant resetAt, Instant now) {
        return Panache.getSession().flatMap(session -> session.find(StreakState.class, userId)
                .invoke(state -> {
                    if (state != null && (state.streakId == null || state.streakId.equals(streakId))) {
                        state.streakId = null;
                        state.startedAt = null;
                        state.lastResetAt = resetAt;
                        state.updatedAt = now;
                    }
                })
                .replaceWithVoid());
    }
}
