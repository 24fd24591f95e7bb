package app.detach.journal.insight;

import app.detach.journal.daysettings.DaySettingsProjection;
import app.detach.events.streak.UserDays;
import app.detach.journal.streak.Streaks;
import app.detach.journal.time.Zones;
import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Mood and urge over time, from the entries' numbers and tags (bodies are not decrypted). */
@Path("/api/journal/insights")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InsightResource {

    static final int MIN_DAYS = 7;
    static final int MAX_DAYS = 365;

    private final CurrentUser user;
    private final Pool pool;
    private final Streaks streaks;
    private final DaySettingsProjection daySettings;
    private final Clock clock;

    InsightResource(CurrentUser user, Pool pool, Streaks streaks, DaySettingsProjection daySettings, Clock clock) {
        this.user = user;
        this.pool = pool;
        this.streaks = streaks;
        this.daySettings = daySettings;
        this.clock = clock;
    }

    /**
     * @param days the window, 7–365 local days ending today (default 30)
     * @param tz IANA zone of the local days until the user's day settings are known; then the
     *        settings' zone and day-start hour win, so insights count the same days as the streak
     */
    @GET
    public Uni<Insights> insights(@QueryParam("days") String days, @QueryParam("tz") String tz) {
        int window = days(days);
        ZoneId asked = Zones.parse("tz", tz);
        String userId = user.id();
        return daySettings.days(userId).flatMap(settings -> streaks.snapshot(userId).flatMap(snapshot -> {
            UserDays userDays = settings.orElseGet(() -> UserDays.midnight(asked != null ? asked
                    : snapshot.map(s -> ZoneId.of(s.timeZone())).orElse(ZoneId.of("UTC"))));
            LocalDate last = userDays.dayOf(clock.instant());
            LocalDate first = last.minusDays(window - 1L);
            LocalDate readFrom = first.minusDays(InsightCalculator.MOVING_WINDOW - 1L);
            return pool.preparedQuery("SELECT created_at, mood, urge, emotions FROM journal_entry WHERE user_id = $1"
                            + " AND created_at >= $2 AND created_at < $3")
                    .execute(Tuple.of(userId, userDays.startOf(readFrom).atOffset(ZoneOffset.UTC),
                            userDays.startOf(last.plusDays(1)).atOffset(ZoneOffset.UTC)))
                    .map(rows -> {
                        List<InsightCalculator.Point> points = new ArrayList<>(rows.size());
                        for (Row row : rows) {
                            String[] emotions = row.getArrayOfStrings("emotions");
                            points.add(new InsightCalculator.Point(row.getOffsetDateTime("created_at").toInstant(),
                                    row.getInteger("mood"), row.getInteger("urge"),
                                    emotions == null ? List.of() : List.of(emotions)));
                        }
                        return InsightCalculator.compute(points, userDays, first, last);
                    });
        }));
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return 30;
        }
        try {
            int days = Integer.parseInt(value);
            if (days >= MIN_DAYS && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("days", "must be a whole number from " + MIN_DAYS + " to " + MAX_DAYS);
    }
}
