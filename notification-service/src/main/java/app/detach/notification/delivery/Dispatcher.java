package app.detach.notification.delivery;

import app.detach.notification.live.LiveSignal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Signals the live stream for messages whose deferred time (end of quiet hours, next day under the
 * cap) has come. Messages due at once are signalled when they are written; this catches the rest.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never signal one twice.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Clock clock;
    private final LiveSignal live;

    Dispatcher(Clock clock, LiveSignal live) {
        this.clock = clock;
        this.live = live;
    }

    @Scheduled(every = "${detach.notification.dispatch.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "dispatch-deferred")
    Uni<Void> tick() {
        return Panache.withTransaction(this::dispatchDue)
                .onFailure().invoke(e -> LOG.warn("dispatch of deferred messages failed; retried on the next tick", e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @SuppressWarnings("unchecked")
    Uni<Integer> dispatchDue() {
        Instant now = clock.instant();
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                                "SELECT CAST(n.id AS text), n.user_id, COALESCE(p.channel_in_app, true) FROM notification n"
                                        + " LEFT JOIN preference p ON p.user_id = n.user_id"
                                        + " WHERE n.dispatched_at IS NULL AND n.deliver_at <= :now"
                                        + " ORDER BY n.deliver_at LIMIT 100 FOR UPDATE OF n SKIP LOCKED", Object[].class)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .getResultList()
                        .flatMap(rows -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Object[] row : (List<Object[]>) (List<?>) rows) {
                                String id = (String) row[0];
                                String user = (String) row[1];
                                boolean inApp = (Boolean) row[2];
                                chain = chain.call(() -> s.createNativeQuery(
                                                "UPDATE notification SET dispatched_at = :now WHERE id = CAST(:id AS uuid)")
                                        .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("id", id)
                                        .executeUpdate())
                                        .call(() -> inApp ? live.signal(id, user) : Uni.createFrom().voidItem());
                            }
                            return chain.replaceWith(rows.size());
                        }));
    }
}
