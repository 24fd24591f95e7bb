package app.detach.streak.urge;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** "I wanted to reach out and didn't." Never breaks a streak. The note never leaves this table. */
@Entity
@Table(name = "urge")
public class Urge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public short intensity;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public String note;

    /** The IANA zone in force on the device, when the client sent one. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
