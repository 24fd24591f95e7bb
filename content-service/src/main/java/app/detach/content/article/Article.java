package app.detach.content.article;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A guide article's identity and lifecycle. Its text lives in {@link ArticleRevision}s: the latest
 * ({@link #currentRevision}) is what admins edit, the pinned one ({@link #publishedRevision}) is what
 * readers see.
 */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    public enum Status { DRAFT, PUBLISHED, RETRACTED }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    /** The title of the latest revision (for admin lists). */
    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** When readers first saw this publication (kept across republishing an edit; reset by a retraction). */
    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "first_published_at")
    public Instant firstPublishedAt;

    @Column(name = "retracted_at")
    public Instant retractedAt;

    @Column(name = "current_revision", nullable = false)
    public int currentRevision;

    @Column(name = "published_revision")
    public Integer publishedRevision;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "library_hash")
    public String libraryHash;

    /** Once readers have seen the slug it is a public address: it never changes again. */
    public boolean slugIsFrozen() {
        return firstPublishedAt != null;
    }
}
