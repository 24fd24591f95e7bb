package app.detach.journal.draft;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An unsent draft: the message the user wanted to send, written down instead of sent. The text
 * exists here only as ciphertext, under the same data key as the user's entries.
 */
@Entity
@Table(name = "journal_draft")
public class Draft extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "body_ciphertext", nullable = false)
    public byte[] bodyCiphertext;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Until when the client shows the countdown before the choice. */
    @Column(name = "pause_until", nullable = false)
    public Instant pauseUntil;

    /** {@code KEPT_UNSENT} or {@code SENT}; null while undecided. */
    @Column
    public String outcome;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
