package app.detach.journal.crypto;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's data key, wrapped by the key-encryption key of {@link #kekVersion}. */
@Entity
@Table(name = "user_key")
public class UserKey extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "kek_version", nullable = false)
    public String kekVersion;

    @Column(name = "wrapped_dek", nullable = false)
    public byte[] wrappedDek;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "rewrapped_at")
    public Instant rewrappedAt;
}
