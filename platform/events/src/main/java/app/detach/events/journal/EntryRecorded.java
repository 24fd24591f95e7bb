package app.detach.events.journal;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A journal entry was saved. Carries the numbers and tags other services react to (low-mood
 * runs, urges); the body stays encrypted inside journal-service and never appears here.
 *
 * @param noContactDay the streak day the user was on when writing, or null when not known
 * @param timeZone     the IANA zone in force on the writer's device (optional)
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record EntryRecorded(
        UUID entryId,
        String userId,
        Instant recordedAt,
        int mood,
        int urge,
        List<String> emotions,
        Integer noContactDay,
        @JsonInclude(JsonInclude.Include.NON_NULL) String timeZone) implements UserEventData {

    /** An entry without the zone it was written in. */
    public EntryRecorded(UUID entryId, String userId, Instant recordedAt, int mood, int urge, List<String> emotions,
            Integer noContactDay) {
        this(entryId, userId, recordedAt, mood, urge, emotions, noContactDay, null);
    }

    public EntryRecorded {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        emotions = emotions == null ? List.of() : List.copyOf(emotions);
    }

    @Override
    public EventType eventType() {
        return EventType.ENTRY_RECORDED;
    }

    @Override
    public String subject() {
        return entryId.toString();
    }
}
