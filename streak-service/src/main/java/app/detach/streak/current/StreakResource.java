package app.detach.streak.current;

import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** The user's current no-contact streak. */
@Path("/api/streak")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StreakResource {

    private final CurrentUser user;

    StreakResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    @WithSession
    public Uni<StreakView> current() {
        return Streak.<Streak>findById(user.id())
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        "No streak started yet. Start one with PUT /api/streak."))
                .map(StreakView::of);
    }

    /** What GET /api/streak answers; the day counts arrive with the streak domain (issue 4). */
    public record StreakView(Instant startedAt, String timeZone, boolean socialMediaCheckBreaks) {
        static StreakView of(Streak streak) {
            return new StreakView(streak.startedAt, streak.timeZone, streak.socialMediaCheckBreaks);
        }
    }
}
