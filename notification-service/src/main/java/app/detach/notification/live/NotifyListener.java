package app.detach.notification.live;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * LISTENs on {@link LiveSignal#CHANNEL} over its own dedicated PostgreSQL connection (Vert.x
 * {@link PgSubscriber}) and reconnects with a fixed back-off when the connection drops; the
 * subscriber re-issues LISTEN on reconnect. Signals sent while disconnected are lost - the inbox
 * still has the message; only its live push is missed.
 */
public class NotifyListener {

    private static final Logger LOG = Logger.getLogger(NotifyListener.class);

    private final PgSubscriber subscriber;

    public NotifyListener(Vertx vertx, PgConnectOptions options, Consumer<String> onPayload) {
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> 1000L);
        subscriber.channel(LiveSignal.CHANNEL).handler(onPayload);
    }

    public void start() {
        subscriber.connect().await().indefinitely();
        LOG.infof("listening for live signals on %s", LiveSignal.CHANNEL);
    }

    public void stop() {
        if (!subscriber.closed()) {
            subscriber.closeAndAwait();
        }
    }
}
