package app.detach.events.streak;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The user logged a contact (a slip or not). The note stays in streak-service.
 *
 * @param breaksStreak whether this contact ended the current streak (a streak-reset follows if so)
 * @param timeZone     the IANA zone in force on the user's device when it happened (optional)
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record ContactLogged(
        String userId,
        UUID contactId,
        ContactKind kind,
        Instant occurredAt,
        boolean breaksStreak,
        @JsonInclude(JsonInclude.Include.NON_NULL) String timeZone) implements UserEventData {

    /** A contact without the zone it happened in. */
    public ContactLogged(String userId, UUID contactId, ContactKind kind, Instant occurredAt, boolean breaksStreak) {
        this(userId, contactId, kind, occurredAt, breaksStreak, null);
    }

    public ContactLogged {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public EventType eventType() {
        return EventType.CONTACT_LOGGED;
    }

    @Override
    public String subject() {
        return contactId.toString();
    }
}
