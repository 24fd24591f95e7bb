package app.detach.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One packaged Quarkus application ({@code <module>/target/quarkus-app/quarkus-run.jar}) as a child JVM. */
public final class QuarkusServiceNode {

    private final Service service;
    private final ChildProcess child;
    private final int port;

    private QuarkusServiceNode(Service service, ChildProcess child, int port) {
        this.service = service;
        this.child = child;
        this.port = port;
    }

    /** The runnable jar, or a one-line error telling how to build it. */
    public static Path jar(Path repoRoot, Service service) {
        Path jar = repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException(service.module() + " is not built (" + repoRoot.relativize(jar)
                    + " missing): run ./run.sh (it builds first) or ./mvnw -q -DskipTests install");
        }
        return jar;
    }

    /** Starts the application with {@code env} (the service contract); returns at once, use {@link #probe()}. */
    public static QuarkusServiceNode start(Path repoRoot, Service service, int port, Map<String, String> env, Path logsDir) {
        Path jar = jar(repoRoot, service);
        ChildProcess child = ChildProcess.start(service.module(),
                List.of(JavaRuntime.executable(), "-Xmx256m", "-jar", jar.toString()),
                env, repoRoot.resolve(service.module()), logsDir.resolve(service.module() + ".log"));
        return new QuarkusServiceNode(service, child, port);
    }

    public Service service() {
        return service;
    }

    public ChildProcess child() {
        return child;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public ReadinessProbe probe() {
        return ReadinessProbe.http(url() + "/q/health/ready");
    }
}
