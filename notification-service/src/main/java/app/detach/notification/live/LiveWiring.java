package app.detach.notification.live;

import app.detach.outbox.PgListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This replica's hub and its LISTEN connection, started with the application. */
@ApplicationScoped
public class LiveWiring {

    private PgListener listener;

    @Produces
    @Singleton
    LiveHub hub(Pool pool) {
        return new LiveHub(pool);
    }

    void start(@Observes StartupEvent event, Vertx vertx, LiveHub hub,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        listener = new PgListener(vertx, PgListener.connectOptions(url, user, password), LiveSignal.CHANNEL, hub::onSignal);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.stop();
        }
    }
}
