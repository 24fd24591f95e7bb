package app.detach.content.article;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every article in every status, for the people who write them. */
@Path("/api/admin/content/articles")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminArticleResource {

    @GET
    @WithSession
    public Uni<ArticleSummary.Page> all(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return Article.<Article>findAll(Sort.descending("id"))
                .page(0, limit).list()
                .map(articles -> new ArticleSummary.Page(articles.stream().map(ArticleSummary::of).toList(), null));
    }
}
