package app.detach.streak.current;

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

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
