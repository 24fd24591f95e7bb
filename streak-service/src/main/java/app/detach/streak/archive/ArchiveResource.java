package app.detach.streak.archive;

import app.detach.rest.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The user's streak data to take away (GET) and to bring back into an empty account (POST). */
@Path("/api/streak/archive")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    private final CurrentUser user;
    private final ArchiveExport export;
    private final ArchiveImport restore;

    ArchiveResource(CurrentUser user, ArchiveExport export, ArchiveImport restore) {
        this.user = user;
        this.export = export;
        this.restore = restore;
    }

    @GET
    @WithSession
    public Uni<Archive> get() {
        return export.of(user.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> post(@Valid @NotNull Archive archive) {
        return restore.into(user.id(), archive)
                .map(restored -> Response.status(Response.Status.CREATED).entity(restored).build());
    }
}
