package app.detach.streak.current;

import app.detach.events.streak.DaySettingsChanged;
import app.detach.streak.rules.DayBoundary;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A user's streak settings and which streak is current. Every change to a user's streaks locks
 * this row first, so two requests of one user never interleave.
 */
@Entity
@Table(name = "streak_user")
public class StreakUser extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "social_media_check_breaks", nullable = false)
    public boolean socialMediaCheckBreaks;

    @Column(name = "current_streak_id")
    public UUID currentStreakId;

    /** {@code FOLLOW_CURRENT}: a write from a device in another zone moves the settings there; {@code PIN_HOME}: it does not. */
    @Column(name = "zone_mode", nullable = false)
    public String zoneMode = DaySettingsChanged.FOLLOW_CURRENT;

    /** The local hour (0–6) the user's day begins at. */
    @Column(name = "day_start_hour", nullable = false)
    public int dayStartHour;

    /** Limited contact (co-parenting, work): contacts logged with a purpose never break the streak. */
    @Column(name = "limited_contact", nullable = false)
    public boolean limitedContact;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Where this user's days begin: their zone and day-start hour. */
    public DayBoundary boundary() {
        return new DayBoundary(zone(), dayStartHour);
    }
}
