package app.detach.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code detach.outbox.*}: the relay, its retries and the retention of sent rows. */
@ConfigMapping(prefix = "detach.outbox")
public interface OutboxConfig {

    /** Whether this instance runs the relay (the outbox itself always records). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per relay run at most. */
    @WithDefault("100")
    int batchSize();

    /** Whether {@link Outbox#record} validates the data against its JSON Schema (fails the transaction if not). */
    @WithDefault("true")
    boolean validate();

    /** Delay before the first retry of a row that failed to publish; doubles per failed attempt. */
    @WithDefault("1s")
    Duration backoffInitial();

    /** Upper bound of the retry delay. */
    @WithDefault("5m")
    Duration backoffMax();

    /** Upper bound on waiting for one record's ack; a send that takes longer counts as failed. */
    @WithDefault("60s")
    Duration sendTimeout();

    /** How long sent rows are kept (for audits and replays) before the purge deletes them. */
    @WithDefault("7d")
    Duration retention();

    /**
     * How long a consumer remembers an event id it processed. Longer than any topic's retention
     * (7 days in deploy/k8s), so a record Kafka can still redeliver is always recognised; DLQ
     * replays older than this are treated as new.
     */
    @WithDefault("30d")
    Duration processedRetention();

    /** Pause between relay runs (a run that published a full batch is followed at once by the next). */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Ignored by the mapping, read by the scheduler; listed so the key is known and documented. */
    @WithDefault("10m")
    Duration purgeInterval();
}
