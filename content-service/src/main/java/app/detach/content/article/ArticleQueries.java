package app.detach.content.article;

import app.detach.content.paging.Cursor;
import app.detach.content.paging.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
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
 * Reader-side queries, in SQL on the reactive pool: they need PostgreSQL's full text search and row
 * comparisons for keyset pagination, which HQL does not express. Readers only ever see the pinned
 * revision of published articles.
 */
@ApplicationScoped
public class ArticleQueries {

    static final String PUBLISHED = """
            FROM article a
            JOIN article_revision r ON r.article_id = a.id AND r.number = a.published_revision
            WHERE a.status = 'PUBLISHED'
            """;
    public static final String SUMMARY_COLUMNS =
            "a.id, a.slug, r.title, r.summary, r.stages, r.tags, r.reading_minutes, a.published_at";

    private final Pool pool;

    ArticleQueries(Pool pool) {
        this.pool = pool;
    }

    /** Newest first; {@code stage} may be null. */
    public Uni<Page<ArticleSummary>> list(String stage, int limit, Cursor after) {
        String sql = "SELECT " + SUMMARY_COLUMNS + " " + PUBLISHED + """
                  AND ($1::text IS NULL OR r.stages @> ARRAY[$1::text])
                  AND ($2::timestamptz IS NULL OR (a.published_at, a.id) < ($2::timestamptz, $3::uuid))
                ORDER BY a.published_at DESC, a.id DESC
                LIMIT $4
                """;
        Tuple params = Tuple.tuple()
                .addValue(stage)
                .addValue(after == null ? null : after.instant().atOffset(ZoneOffset.UTC))
                .addValue(after == null ? null : after.id())
                .addValue(limit + 1);
        return pool.preparedQuery(sql).execute(params).map(rows -> page(rows, limit, false));
    }

    /**
     * Full text search, best match first: {@code websearch_to_tsquery} accepts whatever people type
     * (quotes, "or", -minus) and never fails on syntax; a query with no searchable words (only
     * punctuation or stop words) simply matches nothing.
     */
    public Uni<Page<ArticleSummary>> search(String query, String stage, int limit, Cursor after) {
        String sql = "SELECT * FROM (SELECT " + SUMMARY_COLUMNS
                + ", ts_rank(r.search, websearch_to_tsquery('english', $1)) AS rank " + PUBLISHED + """
                  AND r.search @@ websearch_to_tsquery('english', $1)
                  AND ($2::text IS NULL OR r.stages @> ARRAY[$2::text])
                ) hits
                WHERE ($3::real IS NULL OR (hits.rank, hits.id) < ($3::real, $4::uuid))
                ORDER BY hits.rank DESC, hits.id DESC
                LIMIT $5
                """;
        Tuple params = Tuple.tuple()
                .addValue(query)
                .addValue(stage)
                .addValue(after == null ? null : after.rank())
                .addValue(after == null ? null : after.id())
                .addValue(limit + 1);
        return pool.preparedQuery(sql).execute(params).map(rows -> page(rows, limit, true));
    }

    public Uni<Optional<PublishedArticle>> bySlug(String slug) {
        String sql = "SELECT " + SUMMARY_COLUMNS + ", r.body_html, r.created_at " + PUBLISHED + " AND a.slug = $1";
        return pool.preparedQuery(sql).execute(Tuple.of(slug)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            ArticleSummary s = summaryOf(row);
            return Optional.of(new PublishedArticle(s.id(), s.slug(), s.title(), s.summary(),
                    row.getString("body_html"), s.stages(), s.tags(), s.readingMinutes(), s.publishedAt(),
                    instant(row.getOffsetDateTime("created_at"))));
        });
    }

    public static ArticleSummary summaryOf(Row row) {
        return new ArticleSummary(row.getUUID("id"), row.getString("slug"), row.getString("title"),
                row.getString("summary"), List.of(row.getArrayOfStrings("stages")),
                List.of(row.getArrayOfStrings("tags")), row.getInteger("reading_minutes"),
                instant(row.getOffsetDateTime("published_at")));
    }

    private static Page<ArticleSummary> page(RowSet<Row> rows, int limit, boolean ranked) {
        List<ArticleSummary> items = new ArrayList<>();
        Cursor next = null;
        float lastRank = 0f;
        for (Row row : rows) {
            if (items.size() == limit) {
                ArticleSummary last = items.get(items.size() - 1);
                next = ranked ? Cursor.ofRank(lastRank, last.id()) : Cursor.ofInstant(last.publishedAt(), last.id());
                break;
            }
            items.add(summaryOf(row));
            if (ranked) {
                lastRank = row.getFloat("rank");
            }
        }
        return new Page<>(items, next == null ? null : next.encode());
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
