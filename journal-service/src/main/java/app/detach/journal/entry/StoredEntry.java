package app.detach.journal.entry;

import app.detach.journal.crypto.BodyCipher;
import io.vertx.mutiny.sqlclient.Row;

import javax.crypto.SecretKey;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An entry row as read, body still encrypted. */
public record StoredEntry(UUID id, String userId, byte[] bodyCiphertext, int mood, int urge, List<String> emotions,
        String promptId, Integer noContactDay, String timeZone, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, user_id, body_ciphertext, mood, urge, emotions, prompt_id, no_contact_day,"
            + " time_zone, created_at, updated_at";

    static StoredEntry of(Row row) {
        String[] emotions = row.getArrayOfStrings("emotions");
        return new StoredEntry(row.getUUID("id"), row.getString("user_id"),
                row.getBuffer("body_ciphertext").getBytes(), row.getInteger("mood"), row.getInteger("urge"),
                emotions == null ? List.of() : List.of(emotions), row.getString("prompt_id"),
                row.getInteger("no_contact_day"), row.getString("time_zone"), row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }

    public EntryView decrypt(BodyCipher cipher, SecretKey dek) {
        return new EntryView(id, cipher.decrypt(dek, userId, id, bodyCiphertext), mood, urge, emotions, promptId,
                noContactDay, timeZone, createdAt, updatedAt);
    }

    public Cursor cursor() {
        return new Cursor(createdAt, id);
    }
}
