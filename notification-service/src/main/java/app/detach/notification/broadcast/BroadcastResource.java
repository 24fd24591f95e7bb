package app.detach.notification.broadcast;

import app.detach.notification.fanout.FanOutJobs;
import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An admin message to every user this service knows (anyone with preferences or at least one
 * message). The request records a fan-out job and answers 202 at once with the number of known
 * users at that moment; {@code FanOutWorker} then delivers one copy per user in chunks, through the
 * normal delivery rules (quiet hours and the daily cap apply).
 */
@Path("/api/admin/notifications/broadcast")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class BroadcastResource {

    private final FanOutJobs jobs;

    BroadcastResource(FanOutJobs jobs) {
        this.jobs = jobs;
    }

    public record BroadcastRequest(String title, String body, String link) {
    }

    public record BroadcastResult(UUID broadcastId, long recipients) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> broadcast(BroadcastRequest request) {
        validate(request);
        UUID id = UUID.randomUUID();
        // only the job is recorded here; FanOutWorker delivers it in chunks after the answer
        return jobs.knownUsers().flatMap(recipients -> jobs
                .broadcast(id.toString(), request.title().strip(), request.body().strip(), request.link())
                .replaceWith(Response.accepted(new BroadcastResult(id, recipients)).build()));
    }

    private static void validate(BroadcastRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send {title, body, link?} as JSON.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.title() == null || request.title().isBlank() || request.title().length() > 120) {
            errors.add(new Problem.FieldError("title", "is required, at most 120 characters"));
        }
        if (request.body() == null || request.body().isBlank() || request.body().length() > 2000) {
            errors.add(new Problem.FieldError("body", "is required, at most 2000 characters"));
        }
        if (request.link() != null && (!request.link().startsWith("/") || request.link().startsWith("//")
                || request.link().length() > 500)) {
            errors.add(new Problem.FieldError("link", "must be a path of the web client, starting with /"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
