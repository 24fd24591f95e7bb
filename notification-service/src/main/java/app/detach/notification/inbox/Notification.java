package app.detach.notification.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message in a user's in-app inbox. It is visible from {@link #deliverAt} on. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    public String link;

    @Column(name = "source_key")
    public String sourceKey;

    public boolean urgent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deliver_at", nullable = false)
    public Instant deliverAt;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "email_status", nullable = false)
    public String emailStatus;
}
