package app.detach.notification.broadcast;

import app.detach.notification.delivery.Deliveries;
import app.detach.notification.delivery.Draft;
import app.detach.rest.Problem;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
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
 * message). Each copy goes through the normal delivery rules: quiet hours and the daily cap apply.
 */
@Path("/api/admin/notifications/broadcast")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class BroadcastResource {

    private final Deliveries deliveries;

    BroadcastResource(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    public record BroadcastRequest(String title, String body, String link) {
    }

    public record BroadcastResult(UUID broadcastId, int recipients) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> broadcast(BroadcastRequest request) {
        validate(request);
        UUID id = UUID.randomUUID();
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT user_id FROM preference UNION SELECT DISTINCT user_id FROM notification",
                        String.class).getResultList())
                .flatMap(users -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String user : users) {
                        Draft draft = new Draft(user, "broadcast", request.title().strip(), request.body().strip(),
                                request.link(), "broadcast:" + id, true);
                        chain = chain.call(() -> deliveries.deliver(draft));
                    }
                    return chain.replaceWith(Response.accepted(new BroadcastResult(id, users.size())).build());
                });
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
