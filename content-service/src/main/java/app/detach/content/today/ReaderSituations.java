package app.detach.content.today;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads a reader's {@link Situation} from the projection tables. */
@ApplicationScoped
public class ReaderSituations {

    private final Pool pool;

    ReaderSituations(Pool pool) {
        this.pool = pool;
    }

    public Uni<Situation> of(String userId, Instant now) {
        OffsetDateTime weekAgo = now.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC);
        OffsetDateTime twoDaysAgo = now.minus(ReadingRules.RECENT).atOffset(ZoneOffset.UTC);
        Uni<Row> state = pool.preparedQuery("SELECT * FROM reader_state WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? null : rows.iterator().next());
        Uni<List<Integer>> moods = pool.preparedQuery("""
                        SELECT mood FROM reader_entry WHERE user_id = $1 AND recorded_at > $2
                        ORDER BY recorded_at DESC LIMIT 10""")
                .execute(Tuple.of(userId, weekAgo)).map(rows -> {
                    List<Integer> list = new ArrayList<>();
                    rows.forEach(r -> list.add(r.getInteger("mood")));
                    return list;
                });
        Uni<Integer> urge = pool.preparedQuery("""
                        SELECT GREATEST(
                          (SELECT max(intensity) FROM reader_urge WHERE user_id = $1 AND occurred_at > $2),
                          (SELECT max(urge) FROM reader_entry WHERE user_id = $1 AND recorded_at > $2)) AS strongest""")
                .execute(Tuple.of(userId, twoDaysAgo)).map(rows -> {
                    Integer value = rows.iterator().next().getInteger("strongest");
                    return value == null ? 0 : value;
                });
        return Uni.combine().all().unis(state, moods, urge).with((row, moodList, strongest) -> row == null
                ? new Situation(null, ZoneOffset.UTC, null, null, moodList, strongest)
                : new Situation(instant(row, "streak_started_at"), zone(row.getString("time_zone")),
                        instant(row, "last_slip_at"), instant(row, "last_reached_out_at"), moodList, strongest));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC; // a zone this JVM does not know: count days in UTC rather than fail
        }
    }
}
