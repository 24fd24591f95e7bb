package app.detach.streak.contact;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

import app.detach.events.streak.ContactKind;

/** A logged contact with the ex. The note is the user's own text: it never leaves this table. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactKind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Whether it ended the streak that was current when it was logged. */
    @Column(name = "broke_streak", nullable = false)
    public boolean brokeStreak;

    public String note;

    /** Why it was necessary (limited contact), or null. */
    @Enumerated(EnumType.STRING)
    public ContactPurpose purpose;

    /** The IANA zone in force on the device, when the client sent one. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
