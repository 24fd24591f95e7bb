package app.detach.journal.archive;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.journal.draft.Draft;
import app.detach.journal.entry.JournalEntry;
import app.detach.journal.reason.ReasonsService;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Restores an archive into a journal that is empty, in one transaction. Everything gets new ids
 * (ciphertexts are bound to their id, and an archive may be restored into another account than
 * the one that exported it) and keeps its timestamps. No event is recorded: this is history, and
 * replaying it as new entries would make other services react to old feelings as if they were new.
 */
@ApplicationScoped
public class ArchiveService {

    private final UserKeys keys;
    private final BodyCipher cipher;
    private final ReasonsService reasons;
    private final Clock clock;

    ArchiveService(UserKeys keys, BodyCipher cipher, ReasonsService reasons, Clock clock) {
        this.clock = clock;
        this.keys = keys;
        this.cipher = cipher;
        this.reasons = reasons;
    }

    @WithTransaction
    public Uni<Map<String, Integer>> restore(String userId, ArchiveInput archive) {
        return hasJournal(userId)
                .invoke(exists -> {
                    if (exists) {
                        throw ProblemException.conflict("This journal is not empty: an archive is only restored into a"
                                + " journal without entries, drafts or reasons.");
                    }
                })
                .flatMap(ignored -> keys.forWriting(userId))
                .flatMap(dek -> {
                    List<Object> rows = new ArrayList<>();
                    for (ArchiveInput.Entry item : archive.entries()) {
                        JournalEntry entry = new JournalEntry();
                        entry.id = UUID.randomUUID();
                        entry.userId = userId;
                        entry.mood = (short) item.input().mood();
                        entry.urge = (short) item.input().urge();
                        entry.emotions = item.input().emotions().toArray(String[]::new);
                        entry.promptId = item.input().promptId();
                        entry.timeZone = item.input().timeZone();
                        entry.noContactDay = item.noContactDay();
                        entry.createdAt = item.createdAt().truncatedTo(ChronoUnit.MICROS);
                        entry.updatedAt = item.updatedAt().truncatedTo(ChronoUnit.MICROS);
                        entry.bodyCiphertext = cipher.encrypt(dek, userId, entry.id, item.input().body());
                        rows.add(entry);
                    }
                    for (ArchiveInput.Draft item : archive.drafts()) {
                        Draft draft = new Draft();
                        draft.id = UUID.randomUUID();
                        draft.userId = userId;
                        draft.timeZone = item.input().timeZone();
                        draft.createdAt = item.createdAt().truncatedTo(ChronoUnit.MICROS);
                        draft.pauseUntil = item.pauseUntil().truncatedTo(ChronoUnit.MICROS);
                        draft.outcome = item.outcome();
                        draft.decidedAt = item.decidedAt() == null ? null : item.decidedAt().truncatedTo(ChronoUnit.MICROS);
                        draft.bodyCiphertext = cipher.encryptDraft(dek, userId, draft.id, item.input().body());
                        rows.add(draft);
                    }
                    Uni<Void> saved = rows.isEmpty() ? Uni.createFrom().voidItem()
                            : Panache.getSession().flatMap(session -> session.persistAll(rows.toArray()));
                    return saved.flatMap(done -> archive.reasons().isEmpty() ? Uni.createFrom().voidItem()
                            : reasons.store(userId, archive.reasons(),
                                    clock.instant().truncatedTo(ChronoUnit.MICROS)).replaceWithVoid());
                })
                .map(done -> {
                    Map<String, Integer> restored = new LinkedHashMap<>();
                    restored.put("entries", archive.entries().size());
                    restored.put("drafts", archive.drafts().size());
                    restored.put("reasons", archive.reasons().size());
                    return restored;
                });
    }

    // the advisory lock makes two restores sent at once run one after the other: the second sees a journal
    private static Uni<Boolean> hasJournal(String userId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "SELECT CAST(pg_advisory_xact_lock(hashtext('journal-archive:' || :u)) AS text)", String.class)
                .setParameter("u", userId)
                .getSingleResult()
                .flatMap(locked -> session.createNativeQuery(
                        "SELECT (EXISTS (SELECT 1 FROM journal_entry WHERE user_id = :u)"
                                + " OR EXISTS (SELECT 1 FROM journal_draft WHERE user_id = :u)"
                                + " OR EXISTS (SELECT 1 FROM journal_reasons WHERE user_id = :u))", Boolean.class)
                .setParameter("u", userId)
                .getSingleResult()));
    }
}
