package app.detach.journal.draft;

import app.detach.journal.entry.Cursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads drafts on the reactive pool, always scoped by user id; keyset pages over (created_at, id). */
@ApplicationScoped
public class DraftReads {

    private final Pool pool;

    DraftReads(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<StoredDraft>> find(String userId, UUID id) {
        return pool.preparedQuery("SELECT " + StoredDraft.COLUMNS + " FROM journal_draft WHERE user_id = $1 AND id = $2")
                .execute(Tuple.of(userId, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(StoredDraft.of(rows.iterator().next())));
    }

    /** Up to {@code limit} drafts after {@code after}, newest first ({@code newestFirst}) or oldest first. */
    public Uni<List<StoredDraft>> page(String userId, Cursor after, int limit, boolean newestFirst) {
        String direction = newestFirst ? "DESC" : "ASC";
        String keyset = newestFirst ? "(created_at, id) < ($2, $3)" : "(created_at, id) > ($2, $3)";
        String sql = "SELECT " + StoredDraft.COLUMNS + " FROM journal_draft WHERE user_id = $1"
                + " AND ($2::timestamptz IS NULL OR " + keyset + ")"
                + " ORDER BY created_at " + direction + ", id " + direction + " LIMIT $4";
        Tuple parameters = Tuple.tuple()
                .addString(userId)
                .addOffsetDateTime(after == null ? null : after.createdAt().atOffset(ZoneOffset.UTC))
                .addUUID(after == null ? null : after.id())
                .addInteger(limit);
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            List<StoredDraft> drafts = new ArrayList<>(rows.size());
            for (Row row : rows) {
                drafts.add(StoredDraft.of(row));
            }
            return drafts;
        });
    }
}
