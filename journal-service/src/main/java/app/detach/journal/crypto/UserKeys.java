package app.detach.journal.crypto;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The users' data keys: created on a user's first entry, unwrapped for every read and write, and
 * re-wrapped to the current KEK version lazily on the next write or by {@link KeyRewrapJob}.
 * Unwrapped keys are never cached: after an erasure nothing in memory can still read the data.
 */
@ApplicationScoped
public class UserKeys {

    private static final Logger LOG = Logger.getLogger(UserKeys.class);

    private final KeyRing ring;
    private final Pool pool;
    private final Clock clock;

    UserKeys(KeyRing ring, Pool pool, Clock clock) {
        this.ring = ring;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * The user's data key for a write, created if the user has none yet. Runs in the caller's
     * Hibernate Reactive transaction; a key still wrapped with an older KEK is re-wrapped to the
     * current one in the same transaction.
     */
    public Uni<SecretKey> forWriting(String userId) {
        return Panache.getSession().flatMap(session -> session.find(UserKey.class, userId)
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(existing)
                        : create(userId).flatMap(ignored -> session.find(UserKey.class, userId)))
                .map(key -> {
                    SecretKey dek = ring.unwrap(key.wrappedDek, userId, key.kekVersion);
                    if (!key.kekVersion.equals(ring.currentVersion())) {
                        key.wrappedDek = ring.wrap(dek, userId);
                        key.kekVersion = ring.currentVersion();
                        key.rewrappedAt = clock.instant();
                    }
                    return dek;
                }));
    }

    /** The user's data key for reading, or empty when they never wrote (or were erased). */
    public Uni<Optional<SecretKey>> forReading(String userId) {
        return pool.preparedQuery("SELECT kek_version, wrapped_dek FROM user_key WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(ring.unwrap(row.getBuffer("wrapped_dek").getBytes(), userId,
                            row.getString("kek_version")));
                });
    }

    /**
     * Re-wraps up to {@code limit} data keys that are still wrapped with an older KEK, in one
     * transaction; rows locked by another replica are skipped. Returns how many were re-wrapped.
     */
    public Uni<Integer> rewrapBatch(int limit) {
        String current = ring.currentVersion();
        return pool.withTransaction(connection -> connection
                .preparedQuery("SELECT user_id, kek_version, wrapped_dek FROM user_key WHERE kek_version <> $1"
                        + " ORDER BY user_id LIMIT $2 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(current, limit))
                .flatMap(rows -> {
                    List<Tuple> updates = rewrapped(rows, current);
                    if (updates.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return connection.preparedQuery("UPDATE user_key SET wrapped_dek = $2, kek_version = $3,"
                                    + " rewrapped_at = $4 WHERE user_id = $1")
                            .executeBatch(updates)
                            .replaceWith(updates.size());
                }));
    }

    private List<Tuple> rewrapped(RowSet<Row> rows, String current) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        List<Tuple> updates = new ArrayList<>();
        for (Row row : rows) {
            String userId = row.getString("user_id");
            String version = row.getString("kek_version");
            if (!ring.knows(version)) {
                // cannot happen while the runbook is followed; leave the row for an operator
                LOG.errorf("data key of a user is wrapped with KEK version '%s', which is not configured", version);
                continue;
            }
            SecretKey dek = ring.unwrap(row.getBuffer("wrapped_dek").getBytes(), userId, version);
            updates.add(Tuple.of(userId, Buffer.buffer(ring.wrap(dek, userId)), current, now));
        }
        return updates;
    }

    private Uni<Integer> create(String userId) {
        SecretKey dek = ring.newDataKey();
        byte[] wrapped = ring.wrap(dek, userId);
        // ON CONFLICT: two first writes of one user at once must end with one key, not a 500
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO user_key (user_id, kek_version, wrapped_dek, created_at)"
                                + " VALUES (:userId, :version, :wrapped, :createdAt) ON CONFLICT (user_id) DO NOTHING")
                .setParameter("userId", userId)
                .setParameter("version", ring.currentVersion())
                .setParameter("wrapped", wrapped)
                .setParameter("createdAt", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate());
    }
}
