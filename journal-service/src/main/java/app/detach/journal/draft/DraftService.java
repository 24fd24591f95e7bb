package app.detach.journal.draft;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.crypto.UserKeys;
import app.detach.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes drafts. No event is ever recorded for a draft: its text never leaves the service, and
 * what the user did next (an urge resisted or a contact) is logged by the client at streak-service.
 */
@ApplicationScoped
public class DraftService {

    private final UserKeys keys;
    private final BodyCipher cipher;
    private final Clock clock;
    private final Duration pause;

    DraftService(UserKeys keys, BodyCipher cipher, Clock clock,
            @ConfigProperty(name = "detach.journal.drafts.pause", defaultValue = "PT10M") Duration pause) {
        this.keys = keys;
        this.cipher = cipher;
        this.clock = clock;
        this.pause = pause;
    }

    @WithTransaction
    public Uni<DraftView> create(String userId, DraftInput input) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return keys.forWriting(userId).flatMap(dek -> {
            Draft draft = new Draft();
            draft.id = UUID.randomUUID();
            draft.userId = userId;
            draft.timeZone = input.timeZone();
            draft.createdAt = now;
            draft.pauseUntil = now.plus(pause);
            draft.bodyCiphertext = cipher.encryptDraft(dek, userId, draft.id, input.body());
            return draft.<Draft>persist().replaceWith(() -> new DraftView(draft.id, input.body(), draft.timeZone,
                    draft.createdAt, draft.pauseUntil, null, null));
        });
    }

    /** Records the outcome once; a second decision is a 409, whatever it says. */
    @WithTransaction
    public Uni<Void> decide(String userId, UUID id, Outcome outcome) {
        // the row lock orders two decisions sent at once: the second sees the first one's outcome
        return Draft.<Draft>find("id = ?1 and userId = ?2", id, userId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem().ifNull().failWith(DraftService::notFound)
                .invoke(draft -> {
                    if (draft.outcome != null) {
                        throw ProblemException.conflict("This draft was already decided (" + draft.outcome + ").");
                    }
                    draft.outcome = outcome.name();
                    draft.decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                })
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> delete(String userId, UUID id) {
        return Draft.delete("id = ?1 and userId = ?2", id, userId)
                .invoke(count -> {
                    if (count == 0) {
                        throw notFound();
                    }
                })
                .replaceWithVoid();
    }

    static ProblemException notFound() {
        return ProblemException.notFound("There is no draft with this id.");
    }
}
