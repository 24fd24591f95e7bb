package app.detach.journal.crypto;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * After a KEK rotation, moves every data key to the current KEK version in batches, so the old
 * KEK can be removed from the Secret once {@code user_key} holds no row with its version
 * (see the rotation runbook in the README). Safe with several replicas (SKIP LOCKED).
 */
@ApplicationScoped
public class KeyRewrapJob {

    private static final Logger LOG = Logger.getLogger(KeyRewrapJob.class);

    private final UserKeys keys;
    private final KekConfig config;

    KeyRewrapJob(UserKeys keys, KekConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(identity = "journal-kek-rewrap", every = "${detach.journal.kek.rewrap-interval:10m}",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return rewrapAll()
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("re-wrapped %d data keys to KEK version %s", count, config.current());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("data key re-wrap failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Re-wraps batches until none is left; returns how many keys moved. */
    public Uni<Integer> rewrapAll() {
        return keys.rewrapBatch(config.rewrapBatchSize())
                .flatMap(count -> count < config.rewrapBatchSize()
                        ? Uni.createFrom().item(count)
                        : rewrapAll().map(more -> count + more));
    }
}
