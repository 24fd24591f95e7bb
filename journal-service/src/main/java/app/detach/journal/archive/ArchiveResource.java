package app.detach.journal.archive;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.journal.draft.DraftReads;
import app.detach.journal.draft.DraftView;
import app.detach.journal.entry.EntryFilter;
import app.detach.journal.entry.EntryReads;
import app.detach.journal.entry.EntryView;
import app.detach.journal.prompt.PromptLibrary;
import app.detach.journal.reason.ReasonsService;
import app.detach.rest.CurrentUser;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The journal part of the user's re-importable archive (the gateway assembles the whole one):
 * everything decrypted, and the way back into an empty journal.
 */
@Path("/api/journal/archive")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ArchiveResource {

    private final CurrentUser user;
    private final EntryReads entries;
    private final DraftReads drafts;
    private final ReasonsService reasons;
    private final UserKeys keys;
    private final BodyCipher cipher;
    private final ArchiveService service;
    private final PromptLibrary prompts;
    private final Duration pause;

    ArchiveResource(CurrentUser user, EntryReads entries, DraftReads drafts, ReasonsService reasons, UserKeys keys,
            BodyCipher cipher, ArchiveService service, PromptLibrary prompts,
            @ConfigProperty(name = "detach.journal.drafts.pause", defaultValue = "PT10M") Duration pause) {
        this.user = user;
        this.entries = entries;
        this.drafts = drafts;
        this.reasons = reasons;
        this.keys = keys;
        this.cipher = cipher;
        this.service = service;
        this.prompts = prompts;
        this.pause = pause;
    }

    /** {@code {version: 1, entries, drafts, reasons}}, entries and drafts oldest first. */
    @GET
    public Uni<RestResponse<JournalArchive>> export() {
        String userId = user.id();
        return entries.page(userId, EntryFilter.NONE, null, Integer.MAX_VALUE, false)
                .flatMap(storedEntries -> drafts.page(userId, null, Integer.MAX_VALUE, false)
                        .flatMap(storedDrafts -> reasons.read(userId)
                                .flatMap(storedReasons -> keys.forReading(userId).map(dek -> {
                                    List<EntryView> entryViews = storedEntries.stream()
                                            .map(e -> e.decrypt(cipher, dek.orElseThrow())).toList();
                                    List<DraftView> draftViews = storedDrafts.stream()
                                            .map(d -> d.decrypt(cipher, dek.orElseThrow())).toList();
                                    return new JournalArchive(JournalArchive.VERSION, entryViews, draftViews,
                                            storedReasons.reasons());
                                }))))
                .map(archive -> RestResponse.ResponseBuilder.ok(archive).header("Cache-Control", "no-store").build());
    }

    /**
     * Restores an archive into a journal with no entries, drafts or reasons (else 409) →
     * 201 {@code {restored: {entries, drafts, reasons}}}. 400 naming each invalid field.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Map<String, Map<String, Integer>>>> restore(JsonNode json) {
        ArchiveInput archive = ArchiveInput.parse(json, prompts::exists, pause);
        return service.restore(user.id(), archive)
                .map(restored -> RestResponse.status(RestResponse.Status.CREATED, Map.of("restored", restored)));
    }
}
