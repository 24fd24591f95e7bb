package app.detach.journal.streak;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The journal's local copy of a user's streak, fed by detach.streak.v1. {@code streakId} and
 * {@code startedAt} are null after a reset until the next streak starts.
 */
@Entity
@Table(name = "streak_state")
public class StreakState extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "streak_id")
    public UUID streakId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "last_reset_at")
    public Instant lastResetAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
