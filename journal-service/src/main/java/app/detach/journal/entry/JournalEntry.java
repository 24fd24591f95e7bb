package app.detach.journal.entry;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A journal entry, owned by one user. The body exists here only as ciphertext. */
@Entity
@Table(name = "journal_entry")
public class JournalEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /** AES-256-GCM under the user's data key; the entry id and user id are its associated data. */
    @Column(name = "body_ciphertext", nullable = false)
    public byte[] bodyCiphertext;

    @Column(nullable = false)
    public short mood;

    @Column(nullable = false)
    public short urge;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] emotions;

    @Column(name = "prompt_id")
    public String promptId;

    /** The writer's no-contact day when the entry was first written; null without a streak. */
    @Column(name = "no_contact_day")
    public Integer noContactDay;

    /** The IANA zone in force on the writer's device, when the client sent it. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
