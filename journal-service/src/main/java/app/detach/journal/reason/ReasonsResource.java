package app.detach.journal.reason;

import app.detach.rest.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in user's own reasons for no contact, shown during the pause before texting. */
@Path("/api/journal/reasons")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReasonsResource {

    private final CurrentUser user;
    private final ReasonsService service;

    ReasonsResource(CurrentUser user, ReasonsService service) {
        this.user = user;
        this.service = service;
    }

    /** {@code {reasons: [], updatedAt: null}} before the first save. */
    @GET
    public Uni<ReasonsView> get() {
        return service.read(user.id());
    }

    /** Replaces the whole list (an empty list clears it). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ReasonsView> put(JsonNode json) {
        return service.replace(user.id(), ReasonsInput.parse(json));
    }
}
