package app.detach.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes outbox rows that were sent longer ago than {@code detach.outbox.retention} (default 7
 * days), every {@code detach.outbox.purge-interval} (default 10 minutes). Sent rows are kept that
 * long for audits and manual replays; pending rows are never purged. In the same run it forgets
 * processed event ids older than {@code detach.outbox.processed-retention} (default 30 days), so
 * the idempotency table does not grow with every event ever consumed.
 */
@ApplicationScoped
public class OutboxPurge {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class);

    private final Pool pool;
    private final OutboxConfig config;

    OutboxPurge(Pool pool, OutboxConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(identity = "detach-outbox-purge", every = "${detach.outbox.purge-interval:10m}", delayed = "30s",
            concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> scheduledPurge() {
        return purge()
                .invoke(deleted -> LOG.debugf("outbox purge deleted %d sent rows", deleted))
                .chain(this::purgeProcessed)
                .invoke(deleted -> LOG.debugf("outbox purge forgot %d processed event ids", deleted))
                .onFailure().invoke(e -> LOG.warnf("outbox purge failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the sent rows past their retention; returns how many. */
    public Uni<Integer> purge() {
        return pool.preparedQuery("DELETE FROM outbox WHERE sent_at < now() - ($1::bigint * interval '1 millisecond')")
                .execute(Tuple.of(config.retention().toMillis()))
                .map(rows -> rows.rowCount());
    }

    /** Deletes the processed-event marks past their retention; returns how many. */
    public Uni<Integer> purgeProcessed() {
        return pool.preparedQuery(
                        "DELETE FROM processed_event WHERE processed_at < now() - ($1::bigint * interval '1 millisecond')")
                .execute(Tuple.of(config.processedRetention().toMillis()))
                .map(rows -> rows.rowCount());
    }
}
