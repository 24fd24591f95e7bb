package app.detach.notification.delivery;

import app.detach.notification.job.DueBatches;
import app.detach.notification.live.LiveSignal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Signals the live stream for messages whose deferred time (end of quiet hours, next day under the
 * cap) has come. Messages due at once are signalled when they are written; this catches the rest.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never signal one twice.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final int BATCH = 500;

    private final Clock clock;
    private final LiveSignal live;

    Dispatcher(Clock clock, LiveSignal live) {
        this.clock = clock;
        this.live = live;
    }

    @Scheduled(every = "${detach.notification.dispatch.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "dispatch-deferred")
    Uni<Void> tick() {
        return DueBatches.drain(LOG, "dispatch of deferred messages", () -> dispatchDue().map(n -> n == BATCH));
    }

    /**
     * Marks one batch of due messages dispatched and signals them, in two statements whatever the
     * batch size: quiet hours ending at 07:00 can make a whole fan-out due at once.
     */
    Uni<Integer> dispatchDue() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "UPDATE notification n SET dispatched_at = :now FROM (SELECT id FROM notification"
                                        + " WHERE dispatched_at IS NULL AND deliver_at <= :now ORDER BY deliver_at LIMIT " + BATCH
                                        + " FOR UPDATE SKIP LOCKED) due WHERE n.id = due.id RETURNING CAST(n.id AS text), n.user_id,"
                                        + " COALESCE((SELECT p.channel_in_app FROM preference p WHERE p.user_id = n.user_id), true)",
                                Object[].class)
                        .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .getResultList())
                .flatMap(rows -> live.signalAll(rows.stream().filter(row -> (Boolean) row[2])
                                .map(row -> new LiveSignal.Ready((String) row[0], (String) row[1])).toList())
                        .replaceWith(rows.size()));
    }
}
