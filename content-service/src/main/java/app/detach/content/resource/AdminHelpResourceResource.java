package app.detach.content.resource;

import app.detach.rest.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.UUID;

/** Editing help resources (role admin); every change is audited. */
@Path("/api/admin/content/resources")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminHelpResourceResource {

    private final HelpResources resources;
    private final CurrentUser user;

    AdminHelpResourceResource(HelpResources resources, CurrentUser user) {
        this.resources = resources;
        this.user = user;
    }

    @GET
    public Uni<List<HelpResourceView>> all() {
        return resources.forCountry(null).map(HelpResourceView.Answer::items);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@Valid @NotNull HelpResourceRequest request, @Context UriInfo uri) {
        return resources.create(user.id(), request).map(r -> Response
                .created(uri.getAbsolutePathBuilder().path(r.id().toString()).build()).entity(r).build());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<HelpResourceView> update(@PathParam("id") UUID id, @Valid @NotNull HelpResourceRequest request) {
        return resources.update(user.id(), id, request);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return resources.delete(user.id(), id).map(v -> Response.noContent().build());
    }
}
