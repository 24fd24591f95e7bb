package app.detach.events.streak;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The user logged an urge to make contact and did not act on it. The note stays in streak-service.
 *
 * @param intensity how strong the urge was, 1–10
 * @param timeZone  the IANA zone in force on the user's device when it happened (optional: older producers and
 *                  clients without a zone leave it out)
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record UrgeResisted(
        String userId,
        UUID urgeId,
        int intensity,
        Instant occurredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String timeZone) implements UserEventData {

    /** An urge without the zone it was felt in. */
    public UrgeResisted(String userId, UUID urgeId, int intensity, Instant occurredAt) {
        this(userId, urgeId, intensity, occurredAt, null);
    }

    public UrgeResisted {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(urgeId, "urgeId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    @Override
    public EventType eventType() {
        return EventType.URGE_RESISTED;
    }

    @Override
    public String subject() {
        return urgeId.toString();
    }
}
