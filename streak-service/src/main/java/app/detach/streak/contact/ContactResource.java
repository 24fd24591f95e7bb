package app.detach.streak.contact;

import app.detach.rest.CurrentUser;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Logging a contact with the ex, and listing the logged ones. */
@Path("/api/streak/contacts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    static final int LIMIT = 200;

    private final CurrentUser user;
    private final ContactService service;

    ContactResource(CurrentUser user, ContactService service) {
        this.user = user;
        this.service = service;
    }

    /** A logged contact as the list shows it (the note is the owner's own, so it is included). */
    public record ContactItem(UUID contactId, String kind, Instant occurredAt, boolean brokeStreak,
            ContactPurpose purpose, String timeZone, String note) {
    }

    public record ContactList(List<ContactItem> items) {
    }

    /** The user's logged contacts, newest first, at most {@value #LIMIT}. */
    @GET
    @WithSession
    public Uni<ContactList> list() {
        return Contact.<Contact>find("userId = ?1 order by occurredAt desc, id", user.id()).page(0, LIMIT).list()
                .map(contacts -> new ContactList(contacts.stream().map(c -> new ContactItem(c.id, c.kind.name(),
                        c.occurredAt, c.brokeStreak, c.purpose, c.timeZone, c.note)).toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> log(@Valid @NotNull ContactRequest request) {
        return service.log(user.id(), request)
                .map(logged -> Response.status(Response.Status.CREATED).entity(logged).build());
    }
}
