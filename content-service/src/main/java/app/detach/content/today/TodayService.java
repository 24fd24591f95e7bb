package app.detach.content.today;

import app.detach.content.article.ArticleQueries;
import app.detach.content.article.ArticleSummary;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Today's reading: the rules choose a kind of article, the library supplies one the reader has not
 * been offered in the last 7 days, and what was shown is recorded. Asking again the same day, while
 * the same rule applies, gives the same answer.
 */
@ApplicationScoped
public class TodayService {

    static final Duration NO_REPEAT = Duration.ofDays(7);

    private final ReaderSituations situations;
    private final Pool pool;
    private final Clock clock;

    TodayService(ReaderSituations situations, Pool pool, Clock clock) {
        this.situations = situations;
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<TodayReading> today(String userId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return situations.of(userId, now).flatMap(situation -> {
            ReadingRules.Choice choice = ReadingRules.choose(situation, now);
            LocalDate date = now.atZone(situation.zone()).toLocalDate();
            String stage = ReadingRules.stageFor(choice.streakDay()).wireName();
            // the same rule for another stage or tag (a streak started this afternoon) is a new situation
            String ruleKey = choice.rule() + ":" + (choice.stage() != null ? choice.stage() : choice.tag());
            return alreadyShown(userId, date, ruleKey).flatMap(shown -> shown.isPresent()
                    ? Uni.createFrom().item(withMeta(shown.get(), date, choice, stage))
                    : choose(userId, now, choice).flatMap(reading -> record(userId, now, date, ruleKey, reading))
                            .map(reading -> withMeta(reading, date, choice, stage)));
        });
    }

    private static TodayReading withMeta(TodayReading r, LocalDate date, ReadingRules.Choice choice, String stage) {
        return new TodayReading(date, choice.rule(), r.reason(), stage, choice.streakDay(), r.article(), r.also());
    }

    private Uni<TodayReading> choose(String userId, Instant now, ReadingRules.Choice choice) {
        return pick(userId, now, choice, null).flatMap(main -> {
            Uni<List<TodayReading.Suggestion>> also = choice.also() == null
                    ? Uni.createFrom().item(List.of())
                    : pick(userId, now, choice.also(), main.id())
                            .map(a -> List.of(new TodayReading.Suggestion(a, choice.also().reason())));
            return also.map(list -> new TodayReading(null, choice.rule(), choice.reason(), null, null, main, list));
        });
    }

    /**
     * The first article of the library order that fits the choice and was not offered in 7 days; if
     * all that fit were, one for the reader's stage; then any; only a library smaller than a week's
     * reading ever repeats (the least recently shown).
     */
    private Uni<ArticleSummary> pick(String userId, Instant now, ReadingRules.Choice choice, UUID except) {
        ReadingRules.Choice byStage = ReadingRules.byStage(choice.streakDay());
        return candidate(userId, now, choice.stage(), choice.tag(), except, true)
                .flatMap(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : candidate(userId, now, byStage.stage(), null, except, true))
                .flatMap(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : candidate(userId, now, null, null, except, true))
                .flatMap(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : candidate(userId, now, choice.stage(), choice.tag(), except, false))
                .flatMap(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : candidate(userId, now, null, null, except, false))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("The library has no articles yet.")));
    }

    private Uni<Optional<ArticleSummary>> candidate(String userId, Instant now, String stage, String tag, UUID except,
            boolean skipRecent) {
        String sql = "SELECT " + ArticleQueries.SUMMARY_COLUMNS + " FROM article a"
                + " JOIN article_revision r ON r.article_id = a.id AND r.number = a.published_revision"
                + """
                 WHERE a.status = 'PUBLISHED'
                  AND ($2::text IS NULL OR r.stages @> ARRAY[$2::text])
                  AND ($3::text IS NULL OR r.tags @> ARRAY[$3::text])
                  AND ($4::uuid IS NULL OR a.id <> $4::uuid)
                  AND (NOT $6::boolean OR NOT EXISTS (SELECT 1 FROM reading_history h
                       WHERE h.user_id = $1 AND h.article_id = a.id AND h.shown_at > $5))
                ORDER BY (SELECT max(h.shown_at) FROM reading_history h WHERE h.user_id = $1 AND h.article_id = a.id)
                         NULLS FIRST, a.first_published_at, a.slug
                LIMIT 1
                """;
        Tuple params = Tuple.tuple().addValue(userId).addValue(stage).addValue(tag).addValue(except)
                .addValue(now.minus(NO_REPEAT).atOffset(ZoneOffset.UTC)).addValue(skipRecent);
        return pool.preparedQuery(sql).execute(params).map(rows -> rows.size() == 0
                ? Optional.empty() : Optional.of(summaryOf(rows)));
    }

    private Uni<Optional<TodayReading>> alreadyShown(String userId, LocalDate date, String rule) {
        String sql = "SELECT " + ArticleQueries.SUMMARY_COLUMNS + ", h.reason, h.main FROM reading_history h"
                + " JOIN article a ON a.id = h.article_id"
                + " JOIN article_revision r ON r.article_id = a.id AND r.number = a.published_revision"
                + " WHERE h.user_id = $1 AND h.shown_on = $2 AND h.rule = $3 AND a.status = 'PUBLISHED'"
                + " ORDER BY h.main DESC, h.shown_at";
        return pool.preparedQuery(sql).execute(Tuple.of(userId, date, rule)).map(rows -> {
            ArticleSummary main = null;
            String reason = null;
            List<TodayReading.Suggestion> also = new ArrayList<>();
            for (Row row : rows) {
                if (row.getBoolean("main") && main == null) {
                    main = ArticleQueries.summaryOf(row);
                    reason = row.getString("reason");
                } else {
                    also.add(new TodayReading.Suggestion(ArticleQueries.summaryOf(row), row.getString("reason")));
                }
            }
            return main == null ? Optional.empty()
                    : Optional.of(new TodayReading(date, rule, reason, null, null, main, also));
        });
    }

    private Uni<TodayReading> record(String userId, Instant now, LocalDate date, String rule, TodayReading reading) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
            Uni<Integer> chain = insert(session, userId, reading.article().id(), now, date, rule, reading.reason(), true);
            for (TodayReading.Suggestion s : reading.also()) {
                chain = chain.flatMap(n -> insert(session, userId, s.article().id(), now, date, rule, s.reason(), false));
            }
            return chain;
        })).replaceWith(reading);
    }

    private static Uni<Integer> insert(org.hibernate.reactive.mutiny.Mutiny.Session session, String userId,
            UUID articleId, Instant now, LocalDate date, String rule, String reason, boolean main) {
        return session.createNativeQuery("""
                        INSERT INTO reading_history (id, user_id, article_id, shown_at, shown_on, rule, reason, main)
                        VALUES (:id, :user, :article, :at, :on, :rule, :reason, :main)""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("user", userId)
                .setParameter("article", articleId)
                .setParameter("at", now)
                .setParameter("on", date)
                .setParameter("rule", rule)
                .setParameter("reason", reason)
                .setParameter("main", main)
                .executeUpdate();
    }

    private static ArticleSummary summaryOf(RowSet<Row> rows) {
        return ArticleQueries.summaryOf(rows.iterator().next());
    }
}
