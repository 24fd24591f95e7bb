package app.detach.journal.draft;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.journal.entry.Cursor;
import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/**
 * "Pause before texting": the signed-in user's unsent drafts. Another user's draft id answers 404,
 * like a missing one.
 */
@Path("/api/journal/drafts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DraftResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final CurrentUser user;
    private final DraftService service;
    private final DraftReads reads;
    private final UserKeys keys;
    private final BodyCipher cipher;

    DraftResource(CurrentUser user, DraftService service, DraftReads reads, UserKeys keys, BodyCipher cipher) {
        this.user = user;
        this.service = service;
        this.reads = reads;
        this.keys = keys;
        this.cipher = cipher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<DraftView>> create(JsonNode json, @Context UriInfo uri) {
        DraftInput input = DraftInput.parse(json);
        return service.create(user.id(), input)
                .map(draft -> RestResponse.ResponseBuilder.<DraftView>created(
                        uri.getAbsolutePathBuilder().path(draft.id().toString()).build()).entity(draft).build());
    }

    /** Newest first; {@code cursor} is the {@code nextCursor} of the previous page. */
    @GET
    public Uni<DraftPage> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int pageSize = limit(limit);
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        String userId = user.id();
        return reads.page(userId, after, pageSize + 1, true)
                .flatMap(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(new DraftPage(List.of(), null))
                        : keys.forReading(userId).map(dek -> {
                            List<StoredDraft> page = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
                            String next = rows.size() > pageSize ? page.get(page.size() - 1).cursor().encode() : null;
                            return new DraftPage(page.stream()
                                    .map(d -> d.decrypt(cipher, dek.orElseThrow(MissingKey::new)))
                                    .toList(), next);
                        }));
    }

    @GET
    @Path("{id}")
    public Uni<DraftView> get(@PathParam("id") String id) {
        return read(user.id(), draftId(id));
    }

    /** {@code {"outcome": "KEPT_UNSENT" | "SENT"}} → 200 the draft; 409 when it was already decided. */
    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DraftView> decide(@PathParam("id") String id, JsonNode json) {
        UUID draftId = draftId(id);
        Outcome outcome = Outcome.parse(json);
        String userId = user.id();
        return service.decide(userId, draftId, outcome).flatMap(ignored -> read(userId, draftId));
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(user.id(), draftId(id)).replaceWith(RestResponse.noContent());
    }

    private Uni<DraftView> read(String userId, UUID id) {
        return reads.find(userId, id)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().failure(DraftService.notFound())
                        : keys.forReading(userId).map(dek -> found.get().decrypt(cipher,
                                dek.orElseThrow(MissingKey::new))));
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    // a malformed id cannot name any draft: same 404 as a foreign one
    private static UUID draftId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DraftService.notFound();
        }
    }

    /** Drafts without their user's key: only possible through manual database edits. */
    static final class MissingKey extends IllegalStateException {
        MissingKey() {
            super("drafts exist but the user's data key is missing");
        }
    }
}
