package app.detach.journal.entry;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.journal.prompt.PromptLibrary;
import app.detach.rest.CurrentUser;
import app.detach.rest.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** The signed-in user's journal entries. Another user's entry id answers 404, like a missing one. */
@Path("/api/journal/entries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final CurrentUser user;
    private final EntryService service;
    private final EntryReads reads;
    private final UserKeys keys;
    private final BodyCipher cipher;
    private final PromptLibrary prompts;

    EntryResource(CurrentUser user, EntryService service, EntryReads reads, UserKeys keys, BodyCipher cipher,
            PromptLibrary prompts) {
        this.user = user;
        this.service = service;
        this.reads = reads;
        this.keys = keys;
        this.cipher = cipher;
        this.prompts = prompts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<EntryView>> create(JsonNode json, @Context UriInfo uri) {
        EntryInput input = EntryInput.parse(json, prompts::exists);
        return service.create(user.id(), input)
                .map(entry -> RestResponse.ResponseBuilder.<EntryView>created(
                        uri.getAbsolutePathBuilder().path(entry.id().toString()).build()).entity(entry).build());
    }

    /** Newest first; {@code cursor} is the {@code nextCursor} of the previous page. */
    @GET
    public Uni<EntryPage> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("emotion") String emotion,
            @QueryParam("minMood") String minMood, @QueryParam("maxMood") String maxMood) {
        int pageSize = limit(limit);
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        EntryFilter filter = EntryFilter.parse(from, to, emotion, minMood, maxMood);
        String userId = user.id();
        return reads.page(userId, filter, after, pageSize + 1, true)
                .flatMap(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(new EntryPage(List.of(), null))
                        : keys.forReading(userId).map(dek -> {
                            List<StoredEntry> page = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
                            String next = rows.size() > pageSize ? page.get(page.size() - 1).cursor().encode() : null;
                            return new EntryPage(page.stream()
                                    .map(e -> e.decrypt(cipher, dek.orElseThrow(ProblemMissingKey::new)))
                                    .toList(), next);
                        }));
    }

    @GET
    @Path("{id}")
    public Uni<EntryView> get(@PathParam("id") String id) {
        String userId = user.id();
        return reads.find(userId, entryId(id))
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().failure(notFound())
                        : keys.forReading(userId).map(dek -> found.get().decrypt(cipher,
                                dek.orElseThrow(ProblemMissingKey::new))));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EntryView> update(@PathParam("id") String id, JsonNode json) {
        UUID entryId = entryId(id);
        EntryInput input = EntryInput.parse(json, prompts::exists);
        return service.update(user.id(), entryId, input);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        return service.delete(user.id(), entryId(id)).replaceWith(RestResponse.noContent());
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

    // a malformed id cannot name any entry: same 404 as a foreign one
    private static UUID entryId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("There is no journal entry with this id.");
    }

    /** Entries without their user's key: only possible through manual database edits. */
    static final class ProblemMissingKey extends IllegalStateException {
        ProblemMissingKey() {
            super("entries exist but the user's data key is missing");
        }
    }

}
