package app.detach.notification.inbox;

import app.detach.rest.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque keyset cursor: the (deliverAt, id) of the last item of a page. Clients must not build
 * it; it is base64url so nobody is tempted to.
 */
record InboxCursor(Instant deliverAt, UUID id) {

    String encode() {
        String raw = deliverAt.getEpochSecond() + ":" + deliverAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static InboxCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            return new InboxCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
