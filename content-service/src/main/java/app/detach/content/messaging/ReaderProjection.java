package app.detach.content.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the reader projection (reader_state, reader_entry, reader_urge) in the consumer's
 * transaction. Upserts with GREATEST keep it right whatever order redeliveries come in.
 */
@ApplicationScoped
public class ReaderProjection {

    /** Journal numbers older than this no longer matter to any rule. */
    static final Duration KEEP_ENTRIES = Duration.ofDays(30);

    Uni<Void> streakStarted(String userId, Instant startedAt, String timeZone, Instant now) {
        return exec("""
                INSERT INTO reader_state (user_id, streak_started_at, time_zone, updated_at)
                VALUES (:user, :at, :zone, :now)
                ON CONFLICT (user_id) DO UPDATE SET streak_started_at = :at, time_zone = :zone, updated_at = :now""",
                params("user", userId, "at", startedAt, "zone", timeZone, "now", now));
    }

    /** A contact broke the streak (contact-logged with breaksStreak): remembered as the last slip. */
    Uni<Void> slipped(String userId, Instant at, Instant now) {
        return exec("""
                INSERT INTO reader_state (user_id, last_slip_at, updated_at) VALUES (:user, :at, :now)
                ON CONFLICT (user_id) DO UPDATE SET
                  last_slip_at = GREATEST(reader_state.last_slip_at, :at), updated_at = :now""",
                params("user", userId, "at", at, "now", now));
    }

    /** streak-reset: a slip, and the next streak counts from it until a streak-started says otherwise. */
    Uni<Void> streakReset(String userId, Instant at, Instant now) {
        return exec("""
                INSERT INTO reader_state (user_id, last_slip_at, streak_started_at, updated_at)
                VALUES (:user, :at, :at, :now)
                ON CONFLICT (user_id) DO UPDATE SET
                  last_slip_at = GREATEST(reader_state.last_slip_at, :at),
                  streak_started_at = GREATEST(reader_state.streak_started_at, :at), updated_at = :now""",
                params("user", userId, "at", at, "now", now));
    }

    Uni<Void> reachedOut(String userId, Instant at, Instant now) {
        return exec("""
                INSERT INTO reader_state (user_id, last_reached_out_at, updated_at) VALUES (:user, :at, :now)
                ON CONFLICT (user_id) DO UPDATE SET
                  last_reached_out_at = GREATEST(reader_state.last_reached_out_at, :at), updated_at = :now""",
                params("user", userId, "at", at, "now", now));
    }

    Uni<Void> urge(String userId, UUID urgeId, int intensity, Instant at) {
        return exec("""
                INSERT INTO reader_urge (urge_id, user_id, intensity, occurred_at) VALUES (:id, :user, :intensity, :at)
                ON CONFLICT (urge_id) DO NOTHING""",
                params("id", urgeId, "user", userId, "intensity", intensity, "at", at));
    }

    Uni<Void> entry(String userId, UUID entryId, Instant at, int mood, int urge) {
        return exec("""
                INSERT INTO reader_entry (entry_id, user_id, recorded_at, mood, urge)
                VALUES (:id, :user, :at, :mood, :urge)
                ON CONFLICT (entry_id) DO UPDATE SET mood = :mood, urge = :urge, recorded_at = :at""",
                params("id", entryId, "user", userId, "at", at, "mood", mood, "urge", urge))
                .flatMap(v -> exec("DELETE FROM reader_entry WHERE user_id = :user AND recorded_at < :old",
                        params("user", userId, "old", at.minus(KEEP_ENTRIES))));
    }

    Uni<Void> entryDeleted(String userId, UUID entryId) {
        return exec("DELETE FROM reader_entry WHERE entry_id = :id AND user_id = :user",
                params("id", entryId, "user", userId));
    }

    /** Everything this service knows about the user: the projection and the reading history. */
    Uni<Void> erase(String userId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : List.of("reader_state", "reader_entry", "reader_urge", "reading_history")) {
            chain = chain.flatMap(v -> exec("DELETE FROM " + table + " WHERE user_id = :user", params("user", userId)));
        }
        return chain;
    }

    private static Uni<Void> exec(String sql, Map<String, Object> params) {
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            params.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
