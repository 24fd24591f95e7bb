package app.detach.events.journal;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A journal entry was deleted by its author: consumers drop what they derived from it. */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record EntryDeleted(UUID entryId, String userId, Instant deletedAt) implements UserEventData {

    public EntryDeleted {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }

    @Override
    public EventType eventType() {
        return EventType.ENTRY_DELETED;
    }

    @Override
    public String subject() {
        return entryId.toString();
    }
}
