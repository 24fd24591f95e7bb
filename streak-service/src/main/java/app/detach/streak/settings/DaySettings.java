package app.detach.streak.settings;

import app.detach.events.streak.DaySettingsChanged;
import app.detach.outbox.Outbox;
import app.detach.streak.current.Streak;
import app.detach.streak.current.StreakUser;
import app.detach.streak.rules.DayCount;
import app.detach.streak.time.Inputs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The user's day (zone, zone mode, day-start hour) and the one place that changes it, in the
 * caller's transaction on the locked settings row. Any change — and the first time settings are
 * stored — records {@code day-settings-changed}, so other services count the same days.
 *
 * <p>A change keeps the current streak's start date: "today" simply becomes the user's day under
 * the new zone and hour, exactly like the wall calendar moves, and the next milestone not yet
 * emitted keeps its day and is rescheduled to when that day now begins.
 */
@ApplicationScoped
public class DaySettings {

    private final Outbox outbox;

    DaySettings(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Sets zone, mode and hour. {@code current} is the user's current streak or null;
     * {@code firstTime} when the settings row was just created.
     */
    public Uni<Void> change(StreakUser user, Streak current, ZoneId zone, ZoneMode mode, int hour, Instant now,
            boolean firstTime) {
        boolean boundaryChanged = !Objects.equals(user.timeZone, zone.getId()) || user.dayStartHour != hour;
        boolean changed = boundaryChanged || !Objects.equals(user.zoneMode, mode.name());
        user.timeZone = zone.getId();
        user.zoneMode = mode.name();
        user.dayStartHour = hour;
        user.updatedAt = now;
        if (boundaryChanged && current != null && current.isCurrent() && current.nextMilestoneDay != null) {
            current.nextMilestoneAt = DayCount.dayBegins(current.startDate, current.nextMilestoneDay, user.boundary());
        }
        if (!changed && !firstTime) {
            return Uni.createFrom().voidItem();
        }
        return outbox.record(new DaySettingsChanged(user.userId, user.timeZone, user.zoneMode, user.dayStartHour, now))
                .replaceWithVoid();
    }

    /**
     * A write that carries the zone in force on the device: in FOLLOW_CURRENT a different zone
     * moves the settings there (a zone change); in PIN_HOME the home zone stays. Returns the zone
     * to store with the record (null when the write had none). 400 when it is not an IANA zone.
     */
    public Uni<String> followDevice(StreakUser user, Streak current, String deviceZone, Instant now) {
        if (deviceZone == null) {
            return Uni.createFrom().nullItem();
        }
        ZoneId zone = Inputs.zone("timeZone", deviceZone);
        if (ZoneMode.FOLLOW_CURRENT.name().equals(user.zoneMode) && !zone.getId().equals(user.timeZone)) {
            return change(user, current, zone, ZoneMode.FOLLOW_CURRENT, user.dayStartHour, now, false)
                    .replaceWith(zone.getId());
        }
        return Uni.createFrom().item(zone.getId());
    }
}
