package app.detach.events.streak;

import app.detach.events.EventType;
import app.detach.events.UserEventData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The user said "I kept no contact today" (once per user and day; the day as the user's day
 * boundary defines it). The daily check-in reminder for that day is then no longer needed.
 *
 * @param localDate         the user's day the check-in counts for
 * @param checkInStreakDays consecutive days with a check-in, this one included
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record CheckedIn(String userId, UUID checkInId, LocalDate localDate, Instant checkedInAt, int checkInStreakDays)
        implements UserEventData {

    public CheckedIn {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(checkInId, "checkInId");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(checkedInAt, "checkedInAt");
    }

    @Override
    public EventType eventType() {
        return EventType.CHECKED_IN;
    }

    @Override
    public String subject() {
        return checkInId.toString();
    }
}
