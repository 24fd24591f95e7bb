package app.detach.journal.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An entry as the API shows it to its author; {@code timeZone} is the zone in force on the writer's device. */
public record EntryView(
        UUID id,
        String body,
        int mood,
        int urge,
        List<String> emotions,
        String promptId,
        Integer noContactDay,
        String timeZone,
        Instant createdAt,
        Instant updatedAt) {
}
