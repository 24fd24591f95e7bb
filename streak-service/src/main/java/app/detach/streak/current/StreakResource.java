package app.detach.streak.current;

import app.detach.rest.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The user's current no-contact streak. */
@Path("/api/streak")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StreakResource {

    private final CurrentUser user;
    private final StreakService service;

    StreakResource(CurrentUser user, StreakService service) {
        this.user = user;
        this.service = service;
    }

    @GET
    public Uni<StreakView> current() {
        return service.current(user.id());
    }

    /** Starts, restarts or re-configures the streak (see {@link StreakService}). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<StreakView> start(@Valid @NotNull StartRequest request) {
        return service.start(user.id(), request);
    }
}
