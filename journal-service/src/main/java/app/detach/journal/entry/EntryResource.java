package app.detach.journal.entry;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.MissingDataKey;
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
        PageRequest request = PageRequest.parse(limit, cursor);
        EntryFilter filter = EntryFilter.parse(from, to, emotion, minMood, maxMood);
        String userId = user.id();
        return reads.page(userId, filter, request.after(), request.fetch(), true)
                .flatMap(rows -> rows.isEmpty()
                        ? Uni.createFrom().item(new EntryPage(List.of(), null))
                        : keys.forReading(userId).map(dek -> {
                            PageRequest.Slice<StoredEntry> page = request.slice(rows, StoredEntry::cursor);
                            return new EntryPage(page.items().stream()
                                    .map(e -> e.decrypt(cipher, dek.orElseThrow(MissingDataKey::new)))
                                    .toList(), page.nextCursor());
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
                                dek.orElseThrow(MissingDataKey::new))));
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
}
