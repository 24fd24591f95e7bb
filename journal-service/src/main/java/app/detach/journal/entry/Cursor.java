package app.detach.journal.entry;

import app.detach.rest.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position (created_at, id) in a newest-first list. Opaque to clients (base64url), so the
 * encoding can change; entries added after the first page sort before it, so paging onwards never
 * repeats or skips one.
 */
public record Cursor(Instant createdAt, UUID id) {

    private static final String VERSION = "1";

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String raw = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws ProblemException 400 naming {@code cursor} when it was not made by {@link #encode()} */
    public static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor layout");
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new Cursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor from a previous page");
        }
    }
}
