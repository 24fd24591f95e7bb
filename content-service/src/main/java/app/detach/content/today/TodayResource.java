package app.detach.content.today;

import app.detach.rest.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in reader's article for today, with the reason it was chosen. */
@Path("/api/content/today")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TodayResource {

    private final TodayService today;
    private final CurrentUser user;

    TodayResource(TodayService today, CurrentUser user) {
        this.today = today;
        this.user = user;
    }

    @GET
    public Uni<TodayReading> today() {
        return today.today(user.id());
    }
}
