package app.detach.journal.reason;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The user's reasons for no contact: one encrypted JSON array per user. */
@Entity
@Table(name = "journal_reasons")
public class Reasons extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "reasons_ciphertext", nullable = false)
    public byte[] reasonsCiphertext;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
