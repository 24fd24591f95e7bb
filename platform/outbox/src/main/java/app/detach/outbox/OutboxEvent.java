package app.detach.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One event waiting in (or already published from) the outbox table, written by {@link Outbox}
 * in the caller's transaction. The relay reads and updates the table with plain SQL; the entity is
 * the write model and lets a service's tests look at the rows.
 */
@Entity
@Table(name = "outbox")
public class OutboxEvent {

    /** The CloudEvents id. */
    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** The Kafka record key (the userId). */
    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** The CloudEvents type. */
    @Column(nullable = false)
    public String type;

    /** The CloudEvents source, {@code /detach/<service>}. */
    @Column(nullable = false)
    public String source;

    /** The CloudEvents subject (may be null). */
    public String subject;

    /** The CloudEvents time. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /**
     * The event data, JSON text, stored as jsonb. The parameter is cast to text first: the reactive
     * PostgreSQL client would encode a String bound to a jsonb parameter as a JSON string literal.
     */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(payload as text)", write = "cast(cast(? as text) as jsonb)")
    public String payload;

    // set by the database (defaults) and by the relay
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sent_at", insertable = false, updatable = false)
    public Instant sentAt;

    @Column(insertable = false, updatable = false)
    public Integer attempts;

    @Column(name = "next_attempt_at", insertable = false, updatable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", insertable = false, updatable = false)
    public String lastError;
}
