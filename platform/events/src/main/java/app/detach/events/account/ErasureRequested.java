package app.detach.events.account;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;

/** The user asked for all their data to be erased (gateway, {@code DELETE /api/me}). Every service erases its part. */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record ErasureRequested(String userId, Instant requestedAt) implements UserEventData {

    public ErasureRequested {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    public EventType eventType() {
        return EventType.ERASURE_REQUESTED;
    }

    @Override
    public String subject() {
        return userId;
    }
}
