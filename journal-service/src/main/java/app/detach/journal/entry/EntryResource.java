package app.detach.journal.entry;

import app.detach.rest.CurrentUser;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The signed-in user's journal entries, newest first. */
@Path("/api/journal/entries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    private final CurrentUser user;

    EntryResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    @WithSession
    public Uni<EntryPage> list(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return JournalEntry.<JournalEntry>find("userId", Sort.descending("createdAt", "id"), user.id())
                .page(0, limit).list()
                .map(entries -> new EntryPage(entries.stream().map(EntrySummary::of).toList(), null));
    }

    /** One page of entries: {@code nextCursor} is null on the last page. */
    public record EntryPage(List<EntrySummary> items, String nextCursor) {
    }

    public record EntrySummary(UUID id, Instant createdAt, Instant updatedAt) {
        static EntrySummary of(JournalEntry entry) {
            return new EntrySummary(entry.id, entry.createdAt, entry.updatedAt);
        }
    }
}
