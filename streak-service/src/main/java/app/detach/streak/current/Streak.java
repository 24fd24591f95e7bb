package app.detach.streak.current;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The no-contact streak a user keeps now; at most one per user. */
@Entity
@Table(name = "streak")
public class Streak extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "social_media_check_breaks", nullable = false)
    public boolean socialMediaCheckBreaks;
}
