package app.detach.notification.preference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's stored preferences (times as HH:mm text, local to {@link #timeZone}). */
@Entity
@Table(name = "preference")
public class Preference extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "check_in_enabled", nullable = false)
    public boolean checkInEnabled;

    @Column(name = "check_in_time", nullable = false)
    public String checkInTime;

    @Column(name = "quiet_start")
    public String quietStart;

    @Column(name = "quiet_end")
    public String quietEnd;

    @Column(name = "channel_in_app", nullable = false)
    public boolean channelInApp;

    @Column(name = "channel_email", nullable = false)
    public boolean channelEmail;

    public String email;

    @Column(name = "new_guides", nullable = false)
    public boolean newGuides;

    @Column(name = "next_check_in_at")
    public Instant nextCheckInAt;

    @Column(name = "weekly_export", nullable = false)
    public boolean weeklyExport;

    @Column(name = "next_export_at")
    public Instant nextExportAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The stored values as the domain value; an unreadable stored zone fails loudly (it was validated on PUT). */
    public Preferences toPreferences() {
        return new Preferences(java.time.ZoneId.of(timeZone), checkInEnabled, Preferences.time(checkInTime),
                quietStart == null ? null : Preferences.time(quietStart),
                quietEnd == null ? null : Preferences.time(quietEnd),
                channelInApp, channelEmail, email, newGuides, weeklyExport, 0);
    }
}
