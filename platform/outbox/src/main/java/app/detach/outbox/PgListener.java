package app.detach.outbox;

import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * LISTENs on one PostgreSQL channel over a dedicated connection (Vert.x {@link PgSubscriber}) and
 * reconnects every second when the connection drops; the subscriber issues LISTEN again on
 * reconnect. A NOTIFY sent while disconnected is lost, so a listener treats one as a hint to look
 * now, never as the data itself (the outbox relay still polls; the inbox still holds the message).
 */
public final class PgListener {

    private static final Logger LOG = Logger.getLogger(PgListener.class);

    private final PgSubscriber subscriber;
    private final String channel;

    public PgListener(Vertx vertx, PgConnectOptions options, String channel, Consumer<String> onPayload) {
        this.channel = channel;
        this.subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> 1000L);
        subscriber.channel(channel).handler(onPayload);
    }

    /** Connects and LISTENs; the item arrives once listening, a failure if the database is unreachable. */
    public Uni<Void> connect() {
        return subscriber.connect().invoke(() -> LOG.infof("listening on PostgreSQL channel %s", channel));
    }

    /** {@link #connect()}, waiting for it (at start-up, where a database that cannot be reached is fatal). */
    public void start() {
        connect().await().indefinitely();
    }

    public void stop() {
        if (!subscriber.closed()) {
            subscriber.closeAndAwait();
        }
    }

    /** The datasource's reactive URL ({@code postgresql://host:port/db}) as connect options. */
    public static PgConnectOptions connectOptions(String url, String user, String password) {
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        return PgConnectOptions.fromUri(uri).setUser(user).setPassword(password);
    }
}
