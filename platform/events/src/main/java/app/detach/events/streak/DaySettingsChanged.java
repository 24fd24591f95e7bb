package app.detach.events.streak;

import app.detach.events.EventType;
import app.detach.events.UserEventData;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;

/**
 * The user's day boundary changed: the zone their days are counted in, whether that zone follows
 * them when they travel, or the hour their day starts (late-night users end their day at, say,
 * 03:00). streak-service owns these settings; other services project them so that "one per day"
 * rules, insights and the daily check-in use the same days as the streak.
 *
 * @param timeZone     the IANA zone days are counted in from now on
 * @param zoneMode     {@code FOLLOW_CURRENT} (the zone follows the device) or {@code PIN_HOME} (it stays put)
 * @param dayStartHour the local hour (0–6) at which a new day begins; 0 means midnight
 */
@JsonIgnoreProperties(ignoreUnknown = true) // additive changes must not break older consumers
public record DaySettingsChanged(String userId, String timeZone, String zoneMode, int dayStartHour, Instant changedAt)
        implements UserEventData {

    public static final String FOLLOW_CURRENT = "FOLLOW_CURRENT";
    public static final String PIN_HOME = "PIN_HOME";

    public DaySettingsChanged {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(zoneMode, "zoneMode");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    @Override
    public EventType eventType() {
        return EventType.DAY_SETTINGS_CHANGED;
    }

    @Override
    public String subject() {
        return userId;
    }
}
