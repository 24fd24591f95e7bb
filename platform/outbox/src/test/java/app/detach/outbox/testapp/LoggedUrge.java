package app.detach.outbox.testapp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Test-only state: an urge a user logged. */
@Entity
@Table(name = "logged_urge")
public class LoggedUrge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public String userId;

    public int intensity;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
