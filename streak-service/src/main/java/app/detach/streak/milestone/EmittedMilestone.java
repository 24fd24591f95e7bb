package app.detach.streak.milestone;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A milestone-reached that was recorded in the outbox (read side; the job inserts with SQL). */
@Entity
@Table(name = "milestone_emitted")
@IdClass(EmittedMilestone.Key.class)
public class EmittedMilestone extends PanacheEntityBase {

    @Id
    @Column(name = "streak_id")
    public UUID streakId;

    @Id
    public int day;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "reached_at", nullable = false)
    public Instant reachedAt;

    @Column(name = "emitted_at", nullable = false)
    public Instant emittedAt;

    public boolean late;

    public static class Key implements Serializable {
        public UUID streakId;
        public int day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && day == k.day && Objects.equals(streakId, k.streakId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(streakId, day);
        }
    }
}
