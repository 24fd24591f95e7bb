package app.detach.streak.contact;

import app.detach.rest.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Logging a contact with the ex. */
@Path("/api/streak/contacts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final CurrentUser user;
    private final ContactService service;

    ContactResource(CurrentUser user, ContactService service) {
        this.user = user;
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> log(@Valid @NotNull ContactRequest request) {
        return service.log(user.id(), request)
                .map(logged -> Response.status(Response.Status.CREATED).entity(logged).build());
    }
}
