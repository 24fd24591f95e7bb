package app.detach.content.library;

import app.detach.content.article.Article;
import app.detach.content.article.ArticleService;
import app.detach.content.audit.Audit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Loads the shipped library at start-up, idempotently: a file whose slug is absent becomes a new
 * published article; a file whose content hash changed becomes a new revision of its article (and
 * is republished if the article is published — a retraction by an admin sticks); an unchanged file
 * does nothing. One transaction under an advisory lock, so several replicas starting together
 * neither duplicate nor half-load it.
 */
@ApplicationScoped
public class LibraryLoader {

    public static final String ACTOR = "library";
    private static final Logger LOG = Logger.getLogger(LibraryLoader.class);
    private static final long LOCK_ID = 0x64657461636863L; // "detachc"

    private final ArticleService articles;
    private final Audit audit;
    private final boolean enabled;

    LibraryLoader(ArticleService articles, Audit audit,
            @ConfigProperty(name = "detach.content.library.load-at-start", defaultValue = "true") boolean enabled) {
        this.articles = articles;
        this.audit = audit;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (enabled) {
            Result result = VertxContextSupport.subscribeAndAwait(() -> load(Library.load()));
            LOG.infof("library: %d added, %d revised, %d unchanged", result.added, result.revised, result.unchanged);
        }
    }

    public record Result(int added, int revised, int unchanged) {
    }

    public Uni<Result> load(List<LibraryFile> files) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(:id)")
                        .setParameter("id", LOCK_ID).getSingleResult())
                .flatMap(locked -> Multi.createFrom().iterable(files)
                        .onItem().transformToUniAndConcatenate(this::apply)
                        .collect().asList())
                .map(outcomes -> new Result(
                        (int) outcomes.stream().filter("added"::equals).count(),
                        (int) outcomes.stream().filter("revised"::equals).count(),
                        (int) outcomes.stream().filter("unchanged"::equals).count())));
    }

    private Uni<String> apply(LibraryFile file) {
        return Article.<Article>find("slug", file.slug()).firstResult().flatMap(existing -> {
            if (existing == null) {
                return articles.createFromLibrary(ACTOR, file.toRequest(), file.slug(), file.hash())
                        .call(id -> audit.record(ACTOR, "library.article.added", "article", id, file.slug()))
                        .replaceWith("added");
            }
            if (file.hash().equals(existing.libraryHash)) {
                return Uni.createFrom().item("unchanged");
            }
            if (existing.libraryHash == null) {
                LOG.warnf("library: slug %s is taken by an article written in the admin API; file skipped", file.slug());
                return Uni.createFrom().item("unchanged");
            }
            return articles.reviseFromLibrary(ACTOR, existing, file.toRequest(), file.hash())
                    .call(id -> audit.record(ACTOR, "library.article.revised", "article", id, file.slug()))
                    .replaceWith("revised");
        });
    }
}
