package app.detach.journal.entry;

import app.detach.events.journal.EntryDeleted;
import app.detach.events.journal.EntryRecorded;
import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.journal.streak.Streaks;
import app.detach.outbox.Outbox;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes entries: each change and its event (entry-recorded / entry-deleted) commit in one
 * transaction through the outbox. The body is encrypted before it reaches the entity.
 */
@ApplicationScoped
public class EntryService {

    private final UserKeys keys;
    private final BodyCipher cipher;
    private final Streaks streaks;
    private final Outbox outbox;
    private final Clock clock;

    EntryService(UserKeys keys, BodyCipher cipher, Streaks streaks, Outbox outbox, Clock clock) {
        this.keys = keys;
        this.cipher = cipher;
        this.streaks = streaks;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<EntryView> create(String userId, EntryInput input) {
        Instant now = now();
        UUID id = UUID.randomUUID();
        return keys.forWriting(userId).flatMap(dek -> streaks.noContactDay(userId, now).flatMap(day -> {
            JournalEntry entry = new JournalEntry();
            entry.id = id;
            entry.userId = userId;
            entry.createdAt = now;
            entry.updatedAt = now;
            entry.noContactDay = day;
            apply(entry, input);
            entry.bodyCiphertext = cipher.encrypt(dek, userId, id, input.body());
            return entry.<JournalEntry>persist()
                    .call(() -> outbox.record(recorded(entry)))
                    .replaceWith(() -> view(entry, input.body()));
        }));
    }

    /**
     * Replaces body, numbers, tags and prompt; keeps the no-contact day of the first writing, and
     * the stored zone when the edit does not send one.
     */
    @WithTransaction
    public Uni<EntryView> update(String userId, UUID id, EntryInput input) {
        return owned(userId, id).flatMap(entry -> keys.forWriting(userId).flatMap(dek -> {
            apply(entry, input);
            entry.bodyCiphertext = cipher.encrypt(dek, userId, id, input.body());
            entry.updatedAt = now();
            return outbox.record(recorded(entry)).replaceWith(() -> view(entry, input.body()));
        }));
    }

    @WithTransaction
    public Uni<Void> delete(String userId, UUID id) {
        return owned(userId, id).flatMap(entry -> entry.delete()
                .call(() -> outbox.record(new EntryDeleted(id, userId, now())))
                .replaceWithVoid());
    }

    // one answer for "absent" and "someone else's": a user cannot learn that an id exists
    private Uni<JournalEntry> owned(String userId, UUID id) {
        return JournalEntry.<JournalEntry>find("id = ?1 and userId = ?2", id, userId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("There is no journal entry with this id."));
    }

    private static void apply(JournalEntry entry, EntryInput input) {
        entry.mood = (short) input.mood();
        entry.urge = (short) input.urge();
        entry.emotions = input.emotions().toArray(String[]::new);
        entry.promptId = input.promptId();
        if (input.timeZone() != null) {
            entry.timeZone = input.timeZone();
        }
    }

    private static EntryRecorded recorded(JournalEntry entry) {
        return new EntryRecorded(entry.id, entry.userId, entry.createdAt, entry.mood, entry.urge,
                List.of(entry.emotions), entry.noContactDay, entry.timeZone);
    }

    private static EntryView view(JournalEntry entry, String body) {
        return new EntryView(entry.id, body, entry.mood, entry.urge, List.of(entry.emotions), entry.promptId,
                entry.noContactDay, entry.timeZone, entry.createdAt, entry.updatedAt);
    }

    // PostgreSQL keeps microseconds; cursors must compare equal to what was stored
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
