package app.detach.journal.draft;

import java.time.Instant;
import java.util.UUID;

/** A draft as its author sees it; {@code outcome} and {@code decidedAt} are null until decided. */
public record DraftView(UUID id, String body, String timeZone, Instant createdAt, Instant pauseUntil, String outcome,
        Instant decidedAt) {
}
