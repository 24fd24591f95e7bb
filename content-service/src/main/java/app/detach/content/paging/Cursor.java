package app.detach.content.paging;

import app.detach.rest.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key of the last item of a page plus its id, base64url-encoded.
 * Clients pass it back unchanged; a cursor that was tampered with, or that belongs to another kind
 * of list (a search cursor on a plain list), is a 400, never a 500.
 *
 * @param kind which ordering the cursor belongs to, e.g. {@code p} (published-at) or {@code r} (rank)
 * @param key the sort key as text (epoch microseconds, or a float rank)
 */
public record Cursor(String kind, String key, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text, String expectedKind) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(expectedKind)) {
                throw invalid();
            }
            Cursor cursor = new Cursor(parts[0], parts[1], UUID.fromString(parts[2]));
            if ("r".equals(expectedKind)) {
                cursor.rank(); // parse now, so a bad number is a 400 here and not a 500 later
            } else {
                cursor.instant();
            }
            return cursor;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static Cursor ofInstant(Instant at, UUID id) {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return new Cursor("p", Long.toString(micros), id);
    }

    public static Cursor ofRank(float rank, UUID id) {
        return new Cursor("r", Float.toString(rank), id);
    }

    public Instant instant() {
        long micros = Long.parseLong(key);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    public float rank() {
        float rank = Float.parseFloat(key);
        if (!Float.isFinite(rank)) {
            throw new IllegalArgumentException("rank");
        }
        return rank;
    }

    private static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor this list gave out");
    }
}
