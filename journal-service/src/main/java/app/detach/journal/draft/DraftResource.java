package app.detach.journal.draft;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.MissingDataKey;
import app.detach.journal.crypto.UserKeys;
import app.detach.journal.entry.PageRequest;
import app.detach.rest.CurrentUser;
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
        PageRequest request = PageRequest.parse(limit, cursor);
        String userId = user.id();
        return reads.page(userId, request.after(), request.fetch(), true)
                .flatMap(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(new DraftPage(List.of(), null))
                        : keys.forReading(userId).map(dek -> {
                            PageRequest.Slice<StoredDraft> page = request.slice(rows, StoredDraft::cursor);
                            return new DraftPage(page.items().stream()
                                    .map(d -> d.decrypt(cipher, dek.orElseThrow(MissingDataKey::new)))
                                    .toList(), page.nextCursor());
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
                                dek.orElseThrow(MissingDataKey::new))));
    }

    // a malformed id cannot name any draft: same 404 as a foreign one
    private static UUID draftId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DraftService.notFound();
        }
    }
}
