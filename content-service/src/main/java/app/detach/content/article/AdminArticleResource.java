package app.detach.content.article;

import app.detach.content.paging.Cursor;
import app.detach.content.paging.Page;
import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import java.util.List;
import java.util.UUID;

/** Authoring: every article in every status, for the people who write them (role admin). */
@Path("/api/admin/content/articles")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminArticleResource {

    private final ArticleService articles;
    private final AdminArticleQueries queries;
    private final CurrentUser user;

    AdminArticleResource(ArticleService articles, AdminArticleQueries queries, CurrentUser user) {
        this.articles = articles;
        this.queries = queries;
        this.user = user;
    }

    @GET
    public Uni<Page<AdminViews.AdminListItem>> all(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        Article.Status wanted = null;
        if (status != null) {
            try {
                wanted = Article.Status.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "must be one of DRAFT, PUBLISHED, RETRACTED");
            }
        }
        return queries.list(wanted, limit, Cursor.decode(cursor, "p"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull ArticleRequest request, @Context UriInfo uri) {
        return articles.create(user.id(), request)
                .map(a -> Response.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build())
                        .entity(a).build());
    }

    @GET
    @Path("{id}")
    public Uni<AdminViews.AdminArticle> get(@PathParam("id") UUID id) {
        return articles.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AdminViews.AdminArticle> update(@PathParam("id") UUID id, @Valid @NotNull ArticleRequest request) {
        return articles.update(user.id(), id, request);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return articles.deleteDraft(user.id(), id).map(v -> Response.noContent().build());
    }

    @POST
    @Path("{id}/publish")
    public Uni<AdminViews.AdminArticle> publish(@PathParam("id") UUID id) {
        return articles.publish(user.id(), id);
    }

    @POST
    @Path("{id}/retract")
    public Uni<AdminViews.AdminArticle> retract(@PathParam("id") UUID id) {
        return articles.retract(user.id(), id);
    }

    @GET
    @Path("{id}/revisions")
    public Uni<List<AdminViews.RevisionView>> revisions(@PathParam("id") UUID id) {
        return articles.revisions(id);
    }
}
