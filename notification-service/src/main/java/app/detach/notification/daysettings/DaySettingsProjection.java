package app.detach.notification.daysettings;

import app.detach.events.streak.DaySettingsChanged;
import app.detach.notification.checkin.CheckInTimes;
import app.detach.notification.export.WeeklyExportTimes;
import app.detach.notification.preference.Preference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Keeps the copy of the user's day settings and reschedules their daily check-in (same local time)
 * and weekly export email in the new zone. A change older than the stored one (arriving late) is ignored. Runs in the
 * consumer's transaction.
 */
@ApplicationScoped
public class DaySettingsProjection {

    private final Clock clock;

    DaySettingsProjection(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> changed(DaySettingsChanged event) {
        Instant now = clock.instant();
        return DaySettings.<DaySettings>findById(event.userId()).flatMap(existing -> {
            if (existing != null && existing.changedAt.isAfter(event.changedAt())) {
                return Uni.createFrom().voidItem();
            }
            DaySettings settings = existing == null ? new DaySettings() : existing;
            settings.userId = event.userId();
            settings.timeZone = event.timeZone();
            settings.zoneMode = event.zoneMode();
            settings.dayStartHour = (short) event.dayStartHour();
            settings.changedAt = event.changedAt();
            settings.updatedAt = now;
            Uni<Void> saved = existing == null ? settings.persist().replaceWithVoid() : Uni.createFrom().voidItem();
            return saved.chain(() -> Preference.<Preference>findById(event.userId())).invoke((Preference row) -> {
                if (row != null && row.checkInEnabled) {
                    // a day already reminded keeps its source key, so moving the time cannot send it twice
                    row.nextCheckInAt = CheckInTimes.next(now, ZoneId.of(event.timeZone()),
                            LocalTime.parse(row.checkInTime));
                }
                if (row != null && row.weeklyExport) {
                    row.nextExportAt = WeeklyExportTimes.next(now, ZoneId.of(event.timeZone()));
                }
            }).replaceWithVoid();
        });
    }
}
