package app.detach.journal.entry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads entries with plain SQL on the reactive pool: keyset pages over (created_at, id) served by
 * the index journal_entry_user_created, always scoped by user id.
 */
@ApplicationScoped
public class EntryReads {

    private final Pool pool;

    EntryReads(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<StoredEntry>> find(String userId, UUID id) {
        return pool.preparedQuery("SELECT " + StoredEntry.COLUMNS + " FROM journal_entry WHERE user_id = $1 AND id = $2")
                .execute(Tuple.of(userId, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(StoredEntry.of(rows.iterator().next())));
    }

    /**
     * Up to {@code limit} entries after {@code after} (exclusive), newest first when
     * {@code newestFirst}, else oldest first.
     */
    public Uni<List<StoredEntry>> page(String userId, EntryFilter filter, Cursor after, int limit, boolean newestFirst) {
        String direction = newestFirst ? "DESC" : "ASC";
        String keyset = newestFirst ? "(created_at, id) < ($2, $3)" : "(created_at, id) > ($2, $3)";
        String sql = "SELECT " + StoredEntry.COLUMNS + " FROM journal_entry WHERE user_id = $1"
                + " AND ($2::timestamptz IS NULL OR " + keyset + ")"
                + " AND ($4::timestamptz IS NULL OR created_at >= $4)"
                + " AND ($5::timestamptz IS NULL OR created_at < $5)"
                + " AND ($6::text IS NULL OR $6 = ANY (emotions))"
                + " AND ($7::int IS NULL OR mood >= $7)"
                + " AND ($8::int IS NULL OR mood <= $8)"
                + " ORDER BY created_at " + direction + ", id " + direction + " LIMIT $9";
        Tuple parameters = Tuple.tuple()
                .addString(userId)
                .addOffsetDateTime(after == null ? null : utc(after.createdAt()))
                .addUUID(after == null ? null : after.id())
                .addOffsetDateTime(utc(filter.from()))
                .addOffsetDateTime(utc(filter.to()))
                .addString(filter.emotion())
                .addInteger(filter.minMood())
                .addInteger(filter.maxMood())
                .addInteger(limit);
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<StoredEntry> entries = new ArrayList<>(rows.size());
            for (Row row : rows) {
                entries.add(StoredEntry.of(row));
            }
            return entries;
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
