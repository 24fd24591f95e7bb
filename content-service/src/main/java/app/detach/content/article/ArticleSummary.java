package app.detach.content.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article as it appears in a list. */
public record ArticleSummary(UUID id, String slug, String title, Article.Status status, Instant publishedAt) {

    static ArticleSummary of(Article article) {
        return new ArticleSummary(article.id, article.slug, article.title, article.status, article.publishedAt);
    }

    /** One page of articles: {@code nextCursor} is null on the last page. */
    public record Page(List<ArticleSummary> items, String nextCursor) {
    }
}
