package app.detach.notification.deadletter;

import app.detach.notification.messaging.EventRouter;
import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Admin view of the records this service could not process, and their replay. */
@Path("/api/admin/notifications/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final EventRouter router;
    private final Clock clock;

    DeadLetterResource(EventRouter router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<Listing> list(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 100) {
            throw ProblemException.invalid("limit", "must be between 1 and 100");
        }
        return DeadLetter.<DeadLetter>findAll(Sort.descending("receivedAt").and("id", Sort.Direction.Descending))
                .page(0, limit).list()
                .map(rows -> new Listing(rows.stream().map(View::of).toList()));
    }

    /**
     * Runs the stored record through the same path as the consumer (schema check, processed-event
     * mark, rules) in one transaction. A record that fails again answers 409 with the reason and
     * stays listed; an event that was meanwhile processed is a no-op.
     */
    @POST
    @Path("/{id}/replay")
    public Uni<View> replay(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No such dead letter.");
        }
        return Panache.withSession(() -> DeadLetter.<DeadLetter>findById(uuid))
                .flatMap(letter -> {
                    if (letter == null) {
                        return Uni.createFrom().failure(ProblemException.notFound("No such dead letter."));
                    }
                    return Panache.withTransaction(() -> router.route(letter.originalTopic, letter.ceId,
                                    letter.ceType, letter.payload))
                            .replaceWith((String) null)
                            .onFailure().recoverWithItem(Throwable::getMessage)
                            .flatMap(error -> Panache.withTransaction(() -> mark(uuid, error)))
                            .map(updated -> {
                                if (updated.replayError != null) {
                                    throw new ProblemException(Problem.of(409, "Replay failed", updated.replayError));
                                }
                                return View.of(updated);
                            });
                });
    }

    private Uni<DeadLetter> mark(UUID id, String error) {
        Instant now = clock.instant();
        return DeadLetter.<DeadLetter>findById(id).map(letter -> {
            letter.replayError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
            if (error == null) {
                letter.replayedAt = now;
            }
            return letter;
        });
    }

    public record Listing(List<View> items) {
    }

    public record View(UUID id, String topic, String deadLetterTopic, int partition, long offset, String key,
            String eventId, String eventType, String reason, String payload, Instant receivedAt, Instant replayedAt,
            String replayError) {

        static View of(DeadLetter d) {
            return new View(d.id, d.originalTopic, d.dlqTopic, d.dlqPartition, d.dlqOffset, d.recordKey, d.ceId,
                    d.ceType, d.reason, d.payload, d.receivedAt, d.replayedAt, d.replayError);
        }
    }
}
