package app.detach.notification.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** This replica's hub and its LISTEN connection, started with the application. */
@ApplicationScoped
public class LiveWiring {

    private NotifyListener listener;

    @Produces
    @Singleton
    LiveHub hub(Pool pool) {
        return new LiveHub(pool);
    }

    void start(@Observes StartupEvent event, Vertx vertx, LiveHub hub,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        listener = new NotifyListener(vertx, connectOptions(url, user, password), hub::onSignal);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.stop();
        }
    }

    /** The datasource's reactive URL ({@code postgresql://host:port/db}) as connect options. */
    public static PgConnectOptions connectOptions(String url, String user, String password) {
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        return PgConnectOptions.fromUri(uri).setUser(user).setPassword(password);
    }
}
