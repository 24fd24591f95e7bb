package app.detach.notification.job;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * How notification-service's scheduled jobs work through what is due: batch after batch, each in
 * its own transaction (a crash loses at most the batch in flight, which is claimed again), until a
 * batch comes back short. One batch per tick would cap a job at its batch size per tick: 100
 * check-ins every 15 s is four hours for 100,000 users who chose 20:00. A failed batch ends the
 * run; it is logged and the next tick retries it.
 */
public final class DueBatches {

    private DueBatches() {
    }

    /**
     * @param job   what the job does, for the log ("daily check-in")
     * @param batch one batch in the current transaction; its item: whether a full batch was done,
     *              so more may be waiting
     */
    public static Uni<Void> drain(Logger log, String job, Supplier<Uni<Boolean>> batch) {
        return Multi.createBy().repeating().uni(() -> Panache.withTransaction(batch))
                .whilst(full -> full)
                .collect().last()
                .onFailure().invoke(e -> log.warnf(e, "%s run failed; retried on the next tick", job))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
