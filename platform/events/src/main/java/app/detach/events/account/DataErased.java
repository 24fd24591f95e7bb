package app.detach.events.account;

import app.detach.events.UserEventData;
import app.detach.events.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;

/**
 * One service finished erasing a user's data; the gateway collects these to know the erasure is complete.
 *
 * @param service the module that erased, e.g. {@code journal-service}
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record DataErased(String userId, String service, Instant erasedAt) implements UserEventData {

    public DataErased {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(erasedAt, "erasedAt");
    }

    @Override
    public EventType eventType() {
        return EventType.DATA_ERASED;
    }

    @Override
    public String subject() {
        return userId;
    }
}
