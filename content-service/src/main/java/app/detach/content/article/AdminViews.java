package app.detach.content.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the admin API answers: the latest revision plus the lifecycle, and revision lists. */
public final class AdminViews {

    private AdminViews() {
    }

    /** An article with its latest revision (the one being edited). */
    public record AdminArticle(UUID id, String slug, Article.Status status, String title, String summary,
            String body, String html, List<String> stages, List<String> tags, int readingMinutes,
            int revision, Integer publishedRevision, String createdBy, Instant createdAt, String updatedBy,
            Instant updatedAt, Instant publishedAt, Instant retractedAt) {

        static AdminArticle of(Article a, ArticleRevision r) {
            return new AdminArticle(a.id, a.slug, a.status, r.title, r.summary, r.bodyMarkdown, r.bodyHtml,
                    List.of(r.stages), List.of(r.tags), r.readingMinutes, a.currentRevision, a.publishedRevision,
                    a.createdBy, a.createdAt, a.updatedBy, a.updatedAt, a.publishedAt, a.retractedAt);
        }
    }

    /** A row of the admin list (all statuses). */
    public record AdminListItem(UUID id, String slug, String title, Article.Status status, int revision,
            Integer publishedRevision, String updatedBy, Instant updatedAt, Instant publishedAt) {
    }

    /** One revision in the history of an article. */
    public record RevisionView(int number, String title, String author, Instant createdAt, boolean published,
            boolean current) {

        static RevisionView of(Article a, ArticleRevision r) {
            return new RevisionView(r.number, r.title, r.author, r.createdAt,
                    a.publishedRevision != null && a.publishedRevision == r.number, a.currentRevision == r.number);
        }
    }
}
