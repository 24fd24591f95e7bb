package app.detach.content.article;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The published library, as readers see it. */
@Path("/api/content/articles")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @GET
    @WithSession
    public Uni<ArticleSummary.Page> published(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return Article.<Article>find("status", Sort.descending("publishedAt", "id"), Article.Status.PUBLISHED)
                .page(0, limit).list()
                .map(articles -> new ArticleSummary.Page(articles.stream().map(ArticleSummary::of).toList(), null));
    }
}
