package app.detach.journal.daysettings;

import app.detach.events.streak.UserDays;
import app.detach.events.streak.DaySettingsChanged;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Keeps and reads the local copy of the users' day settings. */
@ApplicationScoped
public class DaySettingsProjection {

    private final Pool pool;

    DaySettingsProjection(Pool pool) {
        this.pool = pool;
    }

    /** Applies a change in the caller's transaction; a change older than the stored one is ignored. */
    public Uni<Void> changed(DaySettingsChanged event, Instant now) {
        return Panache.getSession().flatMap(session -> session.find(DaySettings.class, event.userId())
                .flatMap(existing -> {
                    if (existing != null && existing.changedAt.isAfter(event.changedAt())) {
                        return Uni.createFrom().voidItem();
                    }
                    DaySettings settings = existing == null ? new DaySettings() : existing;
                    settings.userId = event.userId();
                    settings.timeZone = event.timeZone();
                    settings.zoneMode = event.zoneMode();
                    settings.dayStartHour = (short) event.dayStartHour();
                    settings.changedAt = event.changedAt();
                    settings.updatedAt = now;
                    return existing == null ? session.persist(settings) : Uni.createFrom().voidItem();
                }));
    }

    /** The user's days, when streak-service has told us their settings. */
    public Uni<Optional<UserDays>> days(String userId) {
        return pool.preparedQuery("SELECT time_zone, day_start_hour FROM day_settings WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new UserDays(ZoneId.of(row.getString("time_zone")),
                            row.getInteger("day_start_hour")));
                });
    }
}
