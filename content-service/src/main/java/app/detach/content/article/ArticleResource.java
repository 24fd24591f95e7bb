package app.detach.content.article;

import app.detach.content.paging.Cursor;
import app.detach.content.paging.Page;
import app.detach.rest.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The published library, as readers see it: list, filter by stage, search, read one by slug. */
@Path("/api/content/articles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    /** Longer queries get a 400: nobody types 200 characters into a search box, and ranking cost grows with terms. */
    public static final int MAX_QUERY_LENGTH = 200;

    private final ArticleQueries queries;

    ArticleResource(ArticleQueries queries) {
        this.queries = queries;
    }

    @GET
    public Uni<Page<ArticleSummary>> published(@QueryParam("stage") String stage,
            @QueryParam("q") String q,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        if (stage != null && Stage.fromWire(stage).isEmpty()) {
            throw ProblemException.invalid("stage", "must be one of " + Stage.NAMES);
        }
        String query = normalise(q);
        if (query == null) {
            return queries.list(stage, limit, Cursor.decode(cursor, "p"));
        }
        return queries.search(query, stage, limit, Cursor.decode(cursor, "r"));
    }

    @GET
    @Path("{slug}")
    public Uni<PublishedArticle> bySlug(@PathParam("slug") String slug) {
        if (!Slugs.isValid(slug)) {
            throw ProblemException.notFound("No published article with this address.");
        }
        return queries.bySlug(slug).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("No published article with this address.")));
    }

    /** Null for "no search"; control characters become spaces (PostgreSQL refuses NUL in text). */
    static String normalise(String q) {
        if (q == null) {
            return null;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalid("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        String cleaned = q.replaceAll("\\p{Cntrl}", " ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }
}
