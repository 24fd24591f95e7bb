package app.detach.notification.deadletter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A record one of this service's consumers could not process, read back from its dead-letter topic. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "dlq_topic", nullable = false)
    public String dlqTopic;

    @Column(name = "dlq_partition", nullable = false)
    public int dlqPartition;

    @Column(name = "dlq_offset", nullable = false)
    public long dlqOffset;

    @Column(name = "original_topic")
    public String originalTopic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "ce_id")
    public String ceId;

    @Column(name = "ce_type")
    public String ceType;

    public String reason;

    public String payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    @Column(name = "replay_error")
    public String replayError;
}
