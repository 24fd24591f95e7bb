package app.detach.journal.daysettings;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The journal's copy of the user's day settings (owned by streak-service, day-settings-changed). */
@Entity
@Table(name = "day_settings")
public class DaySettings extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "zone_mode", nullable = false)
    public String zoneMode;

    @Column(name = "day_start_hour", nullable = false)
    public short dayStartHour;

    /** When streak-service changed them: an older event arriving late does not overwrite a newer one. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
