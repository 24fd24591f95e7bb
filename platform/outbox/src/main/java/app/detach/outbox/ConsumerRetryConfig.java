package app.detach.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code detach.consumer.retry.*}: how {@link ConsumerTransactions} retries a transient failure.
 * <p>
 * Keep the worst case ({@link #worstCaseWait()}, plus the attempts themselves) well under SmallRye
 * Kafka's {@code throttled.unprocessed-record-max-age.ms} (60 s by default): a record the consumer
 * holds longer than that turns the channel unhealthy and the pod is restarted. The defaults wait at
 * most about 19 s (0.5 + 1 + 2 + 4 + 8 s, each stretched by the jitter but never beyond 8 s).
 */
@ConfigMapping(prefix = "detach.consumer.retry")
public interface ConsumerRetryConfig {

    /** Attempts in all, the first included; 1 turns retrying off. */
    @WithDefault("6")
    int maxAttempts();

    /** Delay before the first retry; doubles per retry. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** Upper bound of one delay. */
    @WithDefault("8s")
    Duration maxBackoff();

    /** Random spread of each delay, a fraction in [0, 1] (Mutiny's jitter; consumers do not retry in lockstep). */
    @WithDefault("0.5")
    double jitter();

    /** The longest the back-off can wait in all for one record (the attempts' own time not counted). */
    default Duration worstCaseWait() {
        Duration total = Duration.ZERO;
        for (int failures = 1; failures < maxAttempts(); failures++) {
            Duration delay = Backoff.delay(failures, initialBackoff(), maxBackoff());
            Duration stretched = delay.plusMillis(Math.round(delay.toMillis() * jitter()));
            total = total.plus(stretched.compareTo(maxBackoff()) > 0 ? maxBackoff() : stretched);
        }
        return total;
    }
}
