package app.detach.notification.preference;

import app.detach.notification.checkin.CheckInTimes;
import app.detach.notification.daysettings.DaySettings;
import app.detach.notification.export.WeeklyExportTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads and saves preferences; callers provide the session or transaction. Everything read here is
 * in the user's days: once streak-service's day settings are known (day-settings-changed), their
 * zone and day-start hour win over the zone saved with the preferences.
 */
@ApplicationScoped
public class PreferenceStore {

    private final Clock clock;

    PreferenceStore(Clock clock) {
        this.clock = clock;
    }

    /** The user's preferences, or the defaults when none are stored, in the user's days. */
    public Uni<Preferences> of(String userId) {
        return Preference.<Preference>findById(userId)
                .flatMap(p -> inDays(userId, p == null ? Preferences.defaults() : p.toPreferences()));
    }

    /** Stored preferences (one row) in the user's days. */
    public Uni<Preferences> of(Preference row) {
        return inDays(row.userId, row.toPreferences());
    }

    /** Whether the user ever saved preferences. */
    public Uni<Boolean> exists(String userId) {
        return Preference.<Preference>findById(userId).map(p -> p != null);
    }

    /** Saves (insert or replace) and schedules the next daily check-in and weekly export from now, in the user's days. */
    public Uni<Preferences> save(String userId, Preferences prefs) {
        Instant now = clock.instant();
        return Preference.<Preference>findById(userId).flatMap(existing -> inDays(userId, prefs).flatMap(effective -> {
            Preference row = existing == null ? new Preference() : existing;
            row.userId = userId;
            row.timeZone = prefs.zone().getId();
            row.checkInEnabled = prefs.checkInEnabled();
            row.checkInTime = Preferences.text(prefs.checkInTime());
            row.quietStart = Preferences.text(prefs.quietStart());
            row.quietEnd = Preferences.text(prefs.quietEnd());
            row.channelInApp = prefs.inApp();
            row.channelEmail = prefs.emailChannel();
            row.email = prefs.email();
            row.newGuides = prefs.newGuides();
            row.weeklyExport = prefs.weeklyExport();
            // recomputed on every save: the same Sunday 10:00 unless the zone changed (the week's key dedupes)
            row.nextExportAt = prefs.weeklyExport() ? WeeklyExportTimes.next(now, effective.zone()) : null;
            row.nextCheckInAt = effective.checkInEnabled()
                    ? CheckInTimes.next(now, effective.zone(), effective.checkInTime())
                    : null;
            row.updatedAt = now;
            Uni<?> write = existing == null ? row.persist() : Uni.createFrom().voidItem();
            return write.replaceWith(effective);
        }));
    }

    /** The per-user schedules kept on the preference row, each an indexed "next instant" column. */
    public enum Schedule {
        CHECK_IN("next_check_in_at"), WEEKLY_EXPORT("next_export_at");

        private final String column;

        Schedule(String column) {
            this.column = column;
        }
    }

    /**
     * Claims up to {@code limit} rows whose {@code schedule} is due, oldest first, locked with
     * {@code FOR UPDATE SKIP LOCKED} until the caller's transaction ends: several replicas share
     * the work and never both take a user. The caller moves each row's instant forward.
     */
    public Uni<java.util.List<Preference>> claimDue(Schedule schedule, Instant now, int limit) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT * FROM preference WHERE " + schedule.column + " <= :now ORDER BY " + schedule.column
                                + " LIMIT :limit FOR UPDATE SKIP LOCKED", Preference.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Users who asked for a message about new guides. */
    public Uni<java.util.List<Preference>> optedInToNewGuides() {
        return Preference.list("newGuides = true");
    }

    private static Uni<Preferences> inDays(String userId, Preferences prefs) {
        return DaySettings.<DaySettings>findById(userId).map(days -> days == null ? prefs
                : prefs.withDays(ZoneId.of(days.timeZone), days.dayStartHour));
    }
}
