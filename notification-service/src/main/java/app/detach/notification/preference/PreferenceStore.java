package app.detach.notification.preference;

import app.detach.notification.checkin.CheckInTimes;
import app.detach.notification.daysettings.DaySettings;
import app.detach.notification.export.WeeklyExportTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and saves preferences; callers provide the session or transaction. Everything read here is
 * in the user's days: once streak-service's day settings are known (day-settings-changed), their
 * zone and day-start hour win over the zone saved with the preferences.
 */
@ApplicationScoped
public class PreferenceStore {

    private static final Logger LOG = Logger.getLogger(PreferenceStore.class);

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

    /**
     * The preferences of several users (the defaults for those without any) in their days, read in
     * two queries instead of two per user (a fan-out chunk). A user whose stored zone cannot be read
     * is left out of the map.
     */
    public Uni<Map<String, Preferences>> of(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Preference.<Preference>list("userId in ?1", userIds).flatMap(rows -> DaySettings
                .<DaySettings>list("userId in ?1", userIds).map(days -> {
                    Map<String, Preference> stored = new HashMap<>();
                    rows.forEach(row -> stored.put(row.userId, row));
                    Map<String, DaySettings> daysOf = new HashMap<>();
                    days.forEach(d -> daysOf.put(d.userId, d));
                    Map<String, Preferences> result = new HashMap<>();
                    for (String userId : userIds) {
                        Preference row = stored.get(userId);
                        try {
                            result.put(userId, inDays(row == null ? Preferences.defaults() : row.toPreferences(),
                                    daysOf.get(userId)));
                        } catch (DateTimeException e) {
                            LOG.warnf("preferences of a user with an unreadable time zone left out: %s", e.getMessage());
                        }
                    }
                    return result;
                }));
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
    public Uni<List<Preference>> claimDue(Schedule schedule, Instant now, int limit) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT * FROM preference WHERE " + schedule.column + " <= :now ORDER BY " + schedule.column
                                + " LIMIT :limit FOR UPDATE SKIP LOCKED", Preference.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList());
    }

    private static Uni<Preferences> inDays(String userId, Preferences prefs) {
        return DaySettings.<DaySettings>findById(userId).map(days -> inDays(prefs, days));
    }

    private static Preferences inDays(Preferences prefs, DaySettings days) {
        return days == null ? prefs : prefs.withDays(ZoneId.of(days.timeZone), days.dayStartHour);
    }
}
