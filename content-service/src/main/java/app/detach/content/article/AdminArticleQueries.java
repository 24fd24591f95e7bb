package app.detach.content.article;

import app.detach.content.paging.Cursor;
import app.detach.content.paging.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The admin list: all statuses, newest created first, keyset-paginated. */
@ApplicationScoped
public class AdminArticleQueries {

    private final Pool pool;

    AdminArticleQueries(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<AdminViews.AdminListItem>> list(Article.Status status, int limit, Cursor after) {
        String sql = """
                SELECT id, slug, title, status, current_revision, published_revision, updated_by, updated_at,
                       published_at, created_at
                FROM article
                WHERE ($1::text IS NULL OR status = $1::text)
                  AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
                ORDER BY created_at DESC, id DESC
                LIMIT $4
                """;
        Tuple params = Tuple.tuple()
                .addValue(status == null ? null : status.name())
                .addValue(after == null ? null : after.instant().atOffset(ZoneOffset.UTC))
                .addValue(after == null ? null : after.id())
                .addValue(limit + 1);
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<AdminViews.AdminListItem> items = new ArrayList<>();
            String next = null;
            OffsetDateTime lastCreated = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.ofInstant(lastCreated.toInstant(), items.get(limit - 1).id()).encode();
                    break;
                }
                OffsetDateTime published = row.getOffsetDateTime("published_at");
                items.add(new AdminViews.AdminListItem(row.getUUID("id"), row.getString("slug"),
                        row.getString("title"), Article.Status.valueOf(row.getString("status")),
                        row.getInteger("current_revision"), row.getInteger("published_revision"),
                        row.getString("updated_by"), row.getOffsetDateTime("updated_at").toInstant(),
                        published == null ? null : published.toInstant()));
                lastCreated = row.getOffsetDateTime("created_at");
            }
            return new Page<>(items, next);
        });
    }
}
