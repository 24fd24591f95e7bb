package app.detach.notification.preference;

import app.detach.notification.checkin.CheckInTimes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/** Reads and saves preferences; callers provide the session or transaction. */
@ApplicationScoped
public class PreferenceStore {

    private final Clock clock;

    PreferenceStore(Clock clock) {
        this.clock = clock;
    }

    /** The user's preferences, or the defaults when none are stored. */
    public Uni<Preferences> of(String userId) {
        return Preference.<Preference>findById(userId)
                .map(p -> p == null ? Preferences.defaults() : p.toPreferences());
    }

    /** Saves (insert or replace) and schedules the next daily check-in from now. */
    public Uni<Preferences> save(String userId, Preferences prefs) {
        Instant now = clock.instant();
        return Preference.<Preference>findById(userId).flatMap(existing -> {
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
            row.nextCheckInAt = prefs.checkInEnabled()
                    ? CheckInTimes.next(now, prefs.zone(), prefs.checkInTime())
                    : null;
            row.updatedAt = now;
            Uni<?> write = existing == null ? row.persist() : Uni.createFrom().voidItem();
            return write.replaceWith(prefs);
        });
    }

    /** Users who asked for a message about new guides. */
    public Uni<java.util.List<Preference>> optedInToNewGuides() {
        return Preference.list("newGuides = true");
    }
}
