package app.detach.local;

import app.detach.local.StackOptions.Infra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The whole local stack, started by one call and stopped by {@link #close()} (also on JVM exit):
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(StackOptions.defaults().withDataDir(dir).fresh(true))) {
 *     given().baseUri(stack.gatewayUrl())...
 * }
 * }</pre>
 * PostgreSQL runs in this JVM (its server is a pg_ctl-managed process); Kafka, Keycloak, the
 * services and the gateway are child processes with their logs in {@code <data>/logs}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration POSTGRES_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration INFRA_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackOptions options;
    private final Path repoRoot;
    private final DataDir dataDir;
    private final Ports ports;
    private final Progress progress;
    private final Thread shutdownHook = new Thread(this::close, "detach-stack-shutdown");

    private final Object lock = new Object();
    private boolean closed;
    private PostgresNode postgres;
    private KafkaNode kafka;
    private KeycloakNode keycloak;
    private final Map<Service, QuarkusServiceNode> services = new EnumMap<>(Service.class);
    private Duration startupTime;

    private LocalStack(StackOptions options, Path repoRoot, DataDir dataDir) {
        this.options = options;
        this.repoRoot = repoRoot;
        this.dataDir = dataDir;
        this.ports = options.ports();
        this.progress = new Progress(options.out());
    }

    /**
     * Checks prerequisites and ports before starting anything, then starts the stack and waits
     * until every component is ready. On any failure everything already started is stopped and a
     * {@link StackException} (one-line message, optional detail lines) is thrown.
     */
    public static LocalStack start(StackOptions options) {
        JavaRuntime.requireMinimum();
        Path root = options.repoRoot();
        preflight(options, root);
        DataDir data = DataDir.open(options.dataDir(), options.isFresh());
        LocalStack stack = new LocalStack(options, root, data);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            boolean interrupted;
            synchronized (stack.lock) {
                interrupted = stack.closed; // closed by the shutdown hook (Ctrl-C) while starting
            }
            stack.close();
            throw interrupted ? new StackException("startup interrupted; everything started was stopped") : e;
        }
    }

    /** Everything that can be known wrong before starting: ports in use, missing builds. */
    static void preflight(StackOptions options, Path root) {
        List<String> problems = new ArrayList<>(options.ports().conflicts(portsNeeded(options)));
        Set<Infra> infra = options.infra();
        if (infra.contains(Infra.KAFKA) && !Files.isDirectory(libDir(root))) {
            problems.add("the Kafka jars are missing (" + libDir(root) + "): build them with ./mvnw -q -pl deploy/local install -DskipTests");
        }
        if (infra.contains(Infra.KEYCLOAK)) {
            collect(problems, () -> KeycloakNode.distribution(root));
            if (!Files.isRegularFile(options.realmFile())) {
                problems.add("the realm file " + options.realmFile() + " does not exist");
            }
        }
        for (Service service : options.services()) {
            collect(problems, () -> QuarkusServiceNode.jar(root, service));
        }
        if (!problems.isEmpty()) {
            throw new StackException(problems.get(0), problems.subList(1, problems.size()));
        }
    }

    private static void collect(List<String> problems, Supplier<?> check) {
        try {
            check.get();
        } catch (StackException e) {
            problems.add(e.getMessage());
        }
    }

    static Set<Port> portsNeeded(StackOptions options) {
        Set<Port> needed = new LinkedHashSet<>();
        if (options.infra().contains(Infra.POSTGRES)) {
            needed.add(Port.POSTGRES);
        }
        if (options.infra().contains(Infra.KAFKA)) {
            needed.add(Port.KAFKA);
            needed.add(Port.KAFKA_CONTROLLER);
        }
        if (options.infra().contains(Infra.KEYCLOAK)) {
            needed.add(Port.KEYCLOAK);
            needed.add(Port.KEYCLOAK_MANAGEMENT);
        }
        options.services().forEach(s -> needed.add(s.port()));
        return needed;
    }

    static Path libDir(Path root) {
        return root.resolve("deploy/local/target/lib");
    }

    private void startAll() {
        Set<Infra> infra = options.infra();
        Path logs = dataDir.resolve("logs");
        progress.step("data in " + dataDir.root() + (options.isFresh() ? " (fresh)" : "") + ", logs in " + logs);
        if (infra.contains(Infra.POSTGRES)) {
            progress.step("starting PostgreSQL on port " + ports.get(Port.POSTGRES));
            PostgresNode pg = PostgresNode.start(dataDir.resolve("postgres"), ports.get(Port.POSTGRES), logs.resolve("postgres.log"),
                    options.readyTimeout(POSTGRES_TIMEOUT));
            track(() -> postgres = pg, pg::close);
            for (Service service : Service.values()) {
                if (service.database() != null) {
                    pg.ensureDatabase(service.database());
                }
            }
            pg.ensureDatabase(KeycloakNode.DATABASE);
            progress.step("PostgreSQL ready (" + progress.sinceStart() + " s), databases journal, streak, content, notification, keycloak");
        }
        List<Progress.Awaited> infraWaits = new ArrayList<>();
        if (infra.contains(Infra.KAFKA)) {
            progress.step("starting Kafka on port " + ports.get(Port.KAFKA));
            KafkaNode k = KafkaNode.start(libDir(repoRoot), dataDir.resolve("kafka"), dataDir.resolve("config"), logs,
                    ports.get(Port.KAFKA), ports.get(Port.KAFKA_CONTROLLER));
            track(() -> kafka = k, () -> ChildProcess.stopAll(List.of(k.child()), STOP_GRACE));
            infraWaits.add(new Progress.Awaited("kafka", k.probe(), k.child()));
        }
        if (infra.contains(Infra.KEYCLOAK)) {
            if (postgres == null) {
                throw new StackException("Keycloak keeps its data in the stack's PostgreSQL: start POSTGRES too");
            }
            progress.step("starting Keycloak on port " + ports.get(Port.KEYCLOAK));
            KeycloakNode kc = KeycloakNode.start(KeycloakNode.distribution(repoRoot), options.realmFile(), logs,
                    ports.get(Port.KEYCLOAK), ports.get(Port.KEYCLOAK_MANAGEMENT), ports.get(Port.POSTGRES),
                    ports.get(Port.GATEWAY));
            track(() -> keycloak = kc, () -> ChildProcess.stopAll(List.of(kc.child()), STOP_GRACE));
            infraWaits.add(new Progress.Awaited("keycloak", kc.probe(), kc.child()));
        }
        progress.await(infraWaits, options.readyTimeout(INFRA_TIMEOUT));

        if (!options.services().isEmpty()) {
            if (postgres == null || kafka == null || keycloak == null) {
                throw new StackException("the services need PostgreSQL, Kafka and Keycloak: start all infrastructure or no service");
            }
            progress.step("starting " + String.join(", ", options.services().stream().map(Service::module).toList()));
            List<Progress.Awaited> waits = new ArrayList<>();
            for (Service service : options.services()) {
                QuarkusServiceNode node = QuarkusServiceNode.start(repoRoot, service, ports.get(service.port()), environment(service), logs);
                track(() -> services.put(service, node), () -> ChildProcess.stopAll(List.of(node.child()), STOP_GRACE));
                waits.add(new Progress.Awaited(service.module(), node.probe(), node.child()));
            }
            progress.await(waits, options.readyTimeout(SERVICES_TIMEOUT));
        }
        startupTime = progress.elapsed();
        progress.step("ready in " + progress.sinceStart() + " s");
    }

    /**
     * The Quarkus profiles every child runs with: production settings, plus the profile {@code local}
     * that alone supplies the committed DEV-ONLY secrets (journal KEK, gateway cookie keys, ...). Outside
     * this launcher they are absent, so an application started without its secrets refuses to start.
     */
    public static final String PROFILES = "prod,local";

    /** The service contract: what every child application gets in its environment. */
    Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", PROFILES);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service.port())));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuerUrl());
        if (service == Service.GATEWAY) {
            env.put("QUARKUS_OIDC_CLIENT_ID", "detach-gateway");
            env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", "dev-gateway-secret");
            for (Service target : Service.values()) {
                if (target != Service.GATEWAY) {
                    env.put("DETACH_GATEWAY_ROUTES_" + target.database().toUpperCase(), serviceUrl(target));
                }
            }
        } else {
            String db = service.database();
            env.put("QUARKUS_DATASOURCE_USERNAME", db);
            env.put("QUARKUS_DATASOURCE_PASSWORD", db);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(db));
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + postgresPort() + "/" + db);
        }
        env.putAll(options.extraEnv(service));
        return env;
    }

    /** Records a started component, or stops it at once if the stack is already closing (Ctrl-C during start). */
    private void track(Runnable register, Runnable stop) {
        synchronized (lock) {
            if (!closed) {
                register.run();
                return;
            }
        }
        stop.run();
        throw new StackException("interrupted: the stack is shutting down");
    }

    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY);
    }

    /** Base URL of one application, e.g. {@code http://localhost:18081} for the journal. */
    public String serviceUrl(Service service) {
        return "http://localhost:" + ports.get(service.port());
    }

    public String keycloakUrl() {
        return "http://localhost:" + ports.get(Port.KEYCLOAK);
    }

    /** The token issuer and {@code quarkus.oidc.auth-server-url}: {@code <keycloak>/realms/detach}. */
    public String issuerUrl() {
        return keycloakUrl() + "/realms/" + KeycloakNode.REALM;
    }

    /** The password-grant token endpoint (client {@code detach-cli}, dev realm only). */
    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public int postgresPort() {
        return ports.get(Port.POSTGRES);
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}; user and password are the database name. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.get(Port.KAFKA);
    }

    public Ports ports() {
        return ports;
    }

    public Path dataDir() {
        return dataDir.root();
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public StackOptions options() {
        return options;
    }

    /** From the call to {@link #start} until every component was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Every child process still tracked (Kafka, Keycloak, services), for monitoring and tests. */
    public List<ChildProcess> children() {
        synchronized (lock) {
            List<ChildProcess> children = new ArrayList<>();
            if (kafka != null) {
                children.add(kafka.child());
            }
            if (keycloak != null) {
                children.add(keycloak.child());
            }
            services.values().forEach(s -> children.add(s.child()));
            return children;
        }
    }

    /** A child that has exited although the stack is running (not closing), if any. */
    public Optional<ChildProcess> deadChild() {
        List<ChildProcess> children;
        synchronized (lock) {
            if (closed) {
                return Optional.empty();
            }
            children = children();
        }
        return children.stream().filter(c -> !c.isAlive()).findFirst();
    }

    /** True once {@link #close()} has begun (e.g. Ctrl-C). */
    public boolean isClosing() {
        synchronized (lock) {
            return closed;
        }
    }

    // ---- fault injection (system tests): stop, start and kill parts of a running stack ----------

    /** Stops the Kafka broker gracefully (SIGTERM, then SIGKILL after the grace period); {@link #startKafka()} brings it back. */
    public void stopKafka() {
        KafkaNode k;
        synchronized (lock) {
            k = kafka;
            kafka = null;
        }
        if (k != null) {
            progress.step("stopping Kafka (fault injection)");
            ChildProcess.stopAll(List.of(k.child()), STOP_GRACE);
        }
    }

    /** Starts the broker again on the same port and log directory (nothing is reformatted) and waits until it is ready. */
    public void startKafka() {
        synchronized (lock) {
            if (kafka != null) {
                return;
            }
        }
        progress.step("starting Kafka again on port " + ports.get(Port.KAFKA));
        Path logs = dataDir.resolve("logs");
        KafkaNode k = KafkaNode.start(libDir(repoRoot), dataDir.resolve("kafka"), dataDir.resolve("config"), logs,
                ports.get(Port.KAFKA), ports.get(Port.KAFKA_CONTROLLER));
        track(() -> kafka = k, () -> ChildProcess.stopAll(List.of(k.child()), STOP_GRACE));
        progress.await(List.of(new Progress.Awaited("kafka", k.probe(), k.child())), options.readyTimeout(INFRA_TIMEOUT));
    }

    /** Stops PostgreSQL (fast shutdown: open connections are closed); {@link #startPostgres()} brings it back. */
    public void stopPostgres() {
        PostgresNode pg;
        synchronized (lock) {
            pg = postgres;
            postgres = null;
        }
        if (pg != null) {
            progress.step("stopping PostgreSQL (fault injection)");
            try {
                pg.close();
            } catch (RuntimeException e) {
                options.out().println("  warning: " + e.getMessage());
            }
            // pg_ctl gives up waiting after a few seconds under load while the server goes on shutting down
            progress.await(List.of(new Progress.Awaited("PostgreSQL shutdown", () -> Ports.isFree(ports.get(Port.POSTGRES)), null)),
                    options.readyTimeout(POSTGRES_TIMEOUT));
        }
    }

    /** Starts PostgreSQL again on the same port and data directory and waits until it accepts connections. */
    public void startPostgres() {
        synchronized (lock) {
            if (postgres != null) {
                return;
            }
        }
        progress.step("starting PostgreSQL again on port " + ports.get(Port.POSTGRES));
        Path logs = dataDir.resolve("logs");
        PostgresNode pg = PostgresNode.start(dataDir.resolve("postgres"), ports.get(Port.POSTGRES), logs.resolve("postgres.log"),
                options.readyTimeout(POSTGRES_TIMEOUT));
        track(() -> postgres = pg, pg::close);
    }

    /** Stops one application gracefully (SIGTERM, as an orchestrator would); {@link #startService} brings it back. */
    public void stopService(Service service) {
        QuarkusServiceNode node;
        synchronized (lock) {
            node = services.remove(service);
        }
        if (node != null) {
            progress.step("stopping " + service.module() + " (fault injection)");
            ChildProcess.stopAll(List.of(node.child()), STOP_GRACE);
        }
    }

    /** Kills one application with SIGKILL ({@code kill -9}): no shutdown hook, no last commit; waits until it is gone. */
    public void killService(Service service) {
        QuarkusServiceNode node;
        synchronized (lock) {
            node = services.remove(service);
        }
        if (node != null) {
            progress.step("killing " + service.module() + " with SIGKILL (fault injection)");
            node.child().kill();
        }
    }

    /** Starts one application again with the same environment and waits until it is ready. */
    public void startService(Service service) {
        synchronized (lock) {
            if (services.containsKey(service)) {
                return;
            }
        }
        progress.step("starting " + service.module() + " again");
        QuarkusServiceNode node = QuarkusServiceNode.start(repoRoot, service, ports.get(service.port()), environment(service),
                dataDir.resolve("logs"));
        track(() -> services.put(service, node), () -> ChildProcess.stopAll(List.of(node.child()), STOP_GRACE));
        progress.await(List.of(new Progress.Awaited(service.module(), node.probe(), node.child())), options.readyTimeout(SERVICES_TIMEOUT));
    }

    /**
     * Stops everything, services first, then Keycloak and Kafka, then PostgreSQL; each child
     * gracefully (SIGTERM to it and its descendants) and forcibly after a deadline. Idempotent.
     */
    @Override
    public void close() {
        List<ChildProcess> apps;
        List<ChildProcess> infraChildren = new ArrayList<>();
        PostgresNode pg;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            apps = services.values().stream().map(QuarkusServiceNode::child).toList();
            if (keycloak != null) {
                infraChildren.add(keycloak.child());
            }
            if (kafka != null) {
                infraChildren.add(kafka.child());
            }
            pg = postgres;
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: it finds the stack closed
            }
        }
        if (!apps.isEmpty()) {
            progress.step("stopping " + String.join(", ", apps.stream().map(ChildProcess::name).toList()));
            ChildProcess.stopAll(apps, STOP_GRACE);
        }
        if (!infraChildren.isEmpty()) {
            progress.step("stopping " + String.join(", ", infraChildren.stream().map(ChildProcess::name).toList()));
            ChildProcess.stopAll(infraChildren, STOP_GRACE);
        }
        if (pg != null) {
            progress.step("stopping PostgreSQL");
            try {
                pg.close();
            } catch (RuntimeException e) {
                options.out().println("  warning: " + e.getMessage());
            }
        }
        dataDir.close();
        progress.step("stopped");
    }
}
