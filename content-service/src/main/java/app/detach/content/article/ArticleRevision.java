package app.detach.content.article;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One immutable version of an article's text. Every edit adds one; publishing pins one. */
@Entity
@Table(name = "article_revision")
public class ArticleRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Column(nullable = false)
    public String[] stages;

    @Column(nullable = false)
    public String[] tags;

    @Column(name = "reading_minutes", nullable = false)
    public int readingMinutes;

    @Column(nullable = false)
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Uni<ArticleRevision> findRevision(UUID articleId, int number) {
        return find("articleId = ?1 and number = ?2", articleId, number).firstResult();
    }
}
