package app.detach.content.article;

import app.detach.content.audit.Audit;
import app.detach.events.content.ArticlePublished;
import app.detach.events.content.ArticleRetracted;
import app.detach.outbox.Outbox;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The authoring workflow: create and edit (each edit a new revision), delete a draft, publish
 * (pins the latest revision, event through the outbox), retract. Every change is audited in the
 * same transaction.
 */
@ApplicationScoped
public class ArticleService {

    private static final int MAX_SLUG_ATTEMPTS = 50;

    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    ArticleService(Outbox outbox, Audit audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<AdminViews.AdminArticle> create(String actor, ArticleRequest request) {
        ArticleValidation.check(request);
        return createInTransaction(actor, request, null)
                .call(view -> audit.record(actor, "article.created", "article", view.id(), "revision 1"))
                .onFailure(ArticleService::isSlugTaken).transform(e -> ProblemException.conflict(
                        "Another article with the same title was saved at the same moment; please try again."));
    }

    // Two editors saving the same title at once: the unique index decides, the loser gets a 409, not a 500.
    private static boolean isSlugTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("article_slug_key")) {
                return true;
            }
        }
        return false;
    }

    /** Creates a draft with revision 1; must run inside a transaction (also used by the library loader). */
    Uni<AdminViews.AdminArticle> createInTransaction(String actor, ArticleRequest request, String preferredSlug) {
        Instant now = now();
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.title = request.title().strip();
        article.status = Article.Status.DRAFT;
        article.currentRevision = 1;
        article.createdBy = actor;
        article.createdAt = now;
        article.updatedBy = actor;
        article.updatedAt = now;
        String base = preferredSlug != null ? preferredSlug : Slugs.fromTitle(request.title());
        ArticleRevision revision = revision(article.id, 1, request, actor, now);
        return uniqueSlug(base, null, 1)
                .invoke(slug -> article.slug = slug)
                .flatMap(slug -> article.persist())
                .flatMap(a -> revision.persistAndFlush())
                .map(r -> AdminViews.AdminArticle.of(article, revision));
    }

    /** A shipped library article: created under its own slug and published at once (caller's transaction). */
    public Uni<java.util.UUID> createFromLibrary(String actor, ArticleRequest request, String slug, String hash) {
        ArticleValidation.check(request);
        return createInTransaction(actor, request, slug)
                .flatMap(view -> Article.<Article>findById(view.id()))
                .invoke(article -> article.libraryHash = hash)
                .flatMap(article -> publishInTransaction(actor, article))
                .map(AdminViews.AdminArticle::id);
    }

    /** A shipped file changed: a new revision, republished only if the article is currently published. */
    public Uni<java.util.UUID> reviseFromLibrary(String actor, Article article, ArticleRequest request, String hash) {
        ArticleValidation.check(request);
        article.libraryHash = hash;
        return updateInTransaction(actor, article, request)
                .flatMap(view -> article.status == Article.Status.PUBLISHED
                        ? publishInTransaction(actor, article)
                        : Uni.createFrom().item(view))
                .map(AdminViews.AdminArticle::id);
    }

    @WithTransaction
    public Uni<AdminViews.AdminArticle> update(String actor, UUID id, ArticleRequest request) {
        ArticleValidation.check(request);
        return find(id)
                .flatMap(article -> updateInTransaction(actor, article, request))
                .call(view -> audit.record(actor, "article.updated", "article", id, "revision " + view.revision()));
    }

    Uni<AdminViews.AdminArticle> updateInTransaction(String actor, Article article, ArticleRequest request) {
        Instant now = now();
        article.currentRevision += 1;
        article.title = request.title().strip();
        article.updatedBy = actor;
        article.updatedAt = now;
        ArticleRevision revision = revision(article.id, article.currentRevision, request, actor, now);
        // A slug follows the title only until readers have seen it; then it is a public address.
        Uni<String> slug = article.slugIsFrozen()
                ? Uni.createFrom().item(article.slug)
                : uniqueSlug(Slugs.fromTitle(request.title()), article.id, 1);
        return slug.invoke(s -> article.slug = s)
                .flatMap(s -> revision.persistAndFlush())
                .map(r -> AdminViews.AdminArticle.of(article, revision));
    }

    @WithTransaction
    public Uni<Void> deleteDraft(String actor, UUID id) {
        return find(id).flatMap(article -> {
            if (article.status != Article.Status.DRAFT || article.firstPublishedAt != null) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Only a draft that was never published can be deleted; retract a published article instead."));
            }
            return ArticleRevision.delete("articleId", id)
                    .flatMap(n -> article.delete())
                    .call(() -> audit.record(actor, "article.deleted", "article", id, article.slug));
        });
    }

    @WithTransaction
    public Uni<AdminViews.AdminArticle> publish(String actor, UUID id) {
        return find(id).flatMap(article -> publishInTransaction(actor, article))
                .call(view -> audit.record(actor, "article.published", "article", id,
                        "revision " + view.publishedRevision()));
    }

    /** Pins the latest revision and records article-published; must run inside a transaction. */
    Uni<AdminViews.AdminArticle> publishInTransaction(String actor, Article article) {
        Instant now = now();
        if (article.status != Article.Status.PUBLISHED) {
            article.publishedAt = now;
        }
        if (article.firstPublishedAt == null) {
            article.firstPublishedAt = now;
        }
        article.status = Article.Status.PUBLISHED;
        article.publishedRevision = article.currentRevision;
        article.retractedAt = null;
        article.updatedBy = actor;
        article.updatedAt = now;
        return ArticleRevision.findRevision(article.id, article.currentRevision)
                .call(r -> outbox.record(new ArticlePublished(article.id, article.slug, r.title,
                        List.of(r.stages), now)))
                .map(r -> AdminViews.AdminArticle.of(article, r));
    }

    @WithTransaction
    public Uni<AdminViews.AdminArticle> retract(String actor, UUID id) {
        return find(id).flatMap(article -> {
            if (article.status != Article.Status.PUBLISHED) {
                return Uni.createFrom().failure(ProblemException.conflict("Only a published article can be retracted."));
            }
            Instant now = now();
            article.status = Article.Status.RETRACTED;
            article.retractedAt = now;
            article.updatedBy = actor;
            article.updatedAt = now;
            return outbox.record(new ArticleRetracted(article.id, article.slug, now))
                    .flatMap(eventId -> ArticleRevision.findRevision(article.id, article.currentRevision))
                    .map(r -> AdminViews.AdminArticle.of(article, r))
                    .call(() -> audit.record(actor, "article.retracted", "article", id, article.slug));
        });
    }

    @WithSession
    public Uni<AdminViews.AdminArticle> get(UUID id) {
        return find(id).flatMap(article -> ArticleRevision.findRevision(article.id, article.currentRevision)
                .map(r -> AdminViews.AdminArticle.of(article, r)));
    }

    @WithSession
    public Uni<List<AdminViews.RevisionView>> revisions(UUID id) {
        return find(id).flatMap(article -> ArticleRevision.<ArticleRevision>list("articleId",
                        Sort.descending("number"), id)
                .map(list -> list.stream().map(r -> AdminViews.RevisionView.of(article, r)).toList()));
    }

    static Uni<Article> find(UUID id) {
        return Article.<Article>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No article with this id."));
    }

    private Uni<String> uniqueSlug(String base, UUID self, int attempt) {
        if (attempt > MAX_SLUG_ATTEMPTS) {
            return Uni.createFrom().failure(ProblemException.conflict("Too many articles share this title."));
        }
        String candidate = Slugs.candidate(base, attempt);
        return Article.<Article>find("slug", candidate).firstResult()
                .flatMap(existing -> existing == null || existing.id.equals(self)
                        ? Uni.createFrom().item(candidate)
                        : uniqueSlug(base, self, attempt + 1));
    }

    private static ArticleRevision revision(UUID articleId, int number, ArticleRequest request, String author,
            Instant now) {
        ArticleRevision r = new ArticleRevision();
        r.id = UUID.randomUUID();
        r.articleId = articleId;
        r.number = number;
        r.title = request.title().strip();
        r.summary = request.summary().strip();
        r.bodyMarkdown = request.body();
        r.bodyHtml = Markdown.toSafeHtml(request.body());
        r.stages = request.stages().toArray(String[]::new);
        r.tags = request.tagsOrEmpty().toArray(String[]::new);
        r.readingMinutes = Markdown.readingMinutes(request.body());
        r.author = author;
        r.createdAt = now;
        return r;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL's precision, so values round-trip
    }
}
