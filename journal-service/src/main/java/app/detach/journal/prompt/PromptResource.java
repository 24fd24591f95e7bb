package app.detach.journal.prompt;

import app.detach.journal.time.Zones;
import app.detach.rest.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Writing prompts. */
@Path("/api/journal/prompts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {

    private final CurrentUser user;
    private final PromptPicker picker;

    PromptResource(CurrentUser user, PromptPicker picker) {
        this.user = user;
        this.picker = picker;
    }

    /**
     * Today's prompt: the same all day (the user's local day: {@code tz}, else their streak's zone,
     * else UTC), suited to their stage, not one they got in the last 14 days.
     */
    @GET
    @Path("today")
    public Uni<PromptOfTheDay> today(@QueryParam("tz") String tz) {
        return picker.today(user.id(), Zones.parse("tz", tz));
    }
}
