package app.detach.journal.draft;

import app.detach.journal.crypto.BodyCipher;
import app.detach.journal.entry.Cursor;
import io.vertx.mutiny.sqlclient.Row;

import javax.crypto.SecretKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A draft row as read, text still encrypted. */
public record StoredDraft(UUID id, String userId, byte[] bodyCiphertext, String timeZone, Instant createdAt,
        Instant pauseUntil, String outcome, Instant decidedAt) {

    static final String COLUMNS = "id, user_id, body_ciphertext, time_zone, created_at, pause_until, outcome, decided_at";

    static StoredDraft of(Row row) {
        return new StoredDraft(row.getUUID("id"), row.getString("user_id"), row.getBuffer("body_ciphertext").getBytes(),
                row.getString("time_zone"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("pause_until")), row.getString("outcome"),
                instant(row.getOffsetDateTime("decided_at")));
    }

    public DraftView decrypt(BodyCipher cipher, SecretKey dek) {
        return new DraftView(id, cipher.decryptDraft(dek, userId, id, bodyCiphertext), timeZone, createdAt, pauseUntil,
                outcome, decidedAt);
    }

    Cursor cursor() {
        return new Cursor(createdAt, id);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
