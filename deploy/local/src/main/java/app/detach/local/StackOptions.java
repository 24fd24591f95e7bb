package app.detach.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What to start and where (immutable; every {@code with…} returns a copy). Start from
 * {@link #defaults()}: the whole stack on the documented ports, data in {@code <repo>/.data}.
 */
public final class StackOptions {

    /** Infrastructure components; the services are chosen with {@link #withServices}. */
    public enum Infra { POSTGRES, KAFKA, KEYCLOAK }

    private Path repoRoot;
    private Path dataDir;
    private boolean fresh;
    private Ports ports = Ports.defaults();
    private Set<Infra> infra = EnumSet.allOf(Infra.class);
    private Set<Service> services = EnumSet.allOf(Service.class);
    private Path realmFile;
    private Duration readyTimeout;
    private PrintStream out = System.out;
    private Map<Service, Map<String, String>> extraEnv = Map.of();

    private StackOptions() {
    }

    public static StackOptions defaults() {
        return new StackOptions();
    }

    private StackOptions copy() {
        StackOptions c = new StackOptions();
        c.repoRoot = repoRoot;
        c.dataDir = dataDir;
        c.fresh = fresh;
        c.ports = ports;
        c.infra = infra;
        c.services = services;
        c.realmFile = realmFile;
        c.readyTimeout = readyTimeout;
        c.out = out;
        c.extraEnv = extraEnv;
        return c;
    }

    /** Repository root; found by walking up from the working directory when not set. */
    public StackOptions withRepoRoot(Path root) {
        StackOptions c = copy();
        c.repoRoot = root.toAbsolutePath().normalize();
        return c;
    }

    /** Where PostgreSQL, Kafka and the logs keep their files; default {@code <repo>/.data}. */
    public StackOptions withDataDir(Path dir) {
        StackOptions c = copy();
        c.dataDir = dir.toAbsolutePath().normalize();
        return c;
    }

    /** Deletes the data directory before starting (new databases, Kafka log and realm import). */
    public StackOptions fresh(boolean fresh) {
        StackOptions c = copy();
        c.fresh = fresh;
        return c;
    }

    public StackOptions withPorts(Ports ports) {
        StackOptions c = copy();
        c.ports = ports;
        return c;
    }

    public StackOptions withPort(Port port, int number) {
        return withPorts(ports.with(port, number));
    }

    /** PostgreSQL, Kafka and Keycloak, no service (to run a service in Quarkus dev mode against it). */
    public StackOptions onlyInfra() {
        return withServices(EnumSet.noneOf(Service.class));
    }

    /** Which infrastructure to start, e.g. {@code EnumSet.of(POSTGRES, KAFKA)} for a test; no services then. */
    public StackOptions withInfra(Set<Infra> components) {
        StackOptions c = copy();
        c.infra = components.isEmpty() ? EnumSet.noneOf(Infra.class) : EnumSet.copyOf(components);
        if (!c.infra.containsAll(EnumSet.allOf(Infra.class))) {
            c.services = EnumSet.noneOf(Service.class);
        }
        return c;
    }

    public StackOptions withServices(Set<Service> services) {
        StackOptions c = copy();
        c.services = services.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(services);
        return c;
    }

    public StackOptions without(Service service) {
        Set<Service> rest = EnumSet.noneOf(Service.class);
        rest.addAll(services);
        rest.remove(service);
        return withServices(rest);
    }

    /** Realm imported into Keycloak on first start; default {@code deploy/keycloak/realm-detach-dev.json}. */
    public StackOptions withRealmFile(Path file) {
        StackOptions c = copy();
        c.realmFile = file.toAbsolutePath().normalize();
        return c;
    }

    /** One deadline for every readiness wait, instead of the per-component defaults. */
    public StackOptions withReadyTimeout(Duration timeout) {
        StackOptions c = copy();
        c.readyTimeout = timeout;
        return c;
    }

    /** Where progress lines go; default System.out. */
    public StackOptions withOutput(PrintStream out) {
        StackOptions c = copy();
        c.out = out;
        return c;
    }

    /** An extra environment variable for one service's child process (e.g. an SMTP port in tests). */
    public StackOptions withEnv(Service service, String name, String value) {
        StackOptions c = copy();
        Map<Service, Map<String, String>> all = new HashMap<>(extraEnv);
        Map<String, String> forService = new HashMap<>(all.getOrDefault(service, Map.of()));
        forService.put(name, value);
        all.put(service, Map.copyOf(forService));
        c.extraEnv = Map.copyOf(all);
        return c;
    }

    public Path repoRoot() {
        return repoRoot != null ? repoRoot : RepoRoot.locate();
    }

    public Path dataDir() {
        return dataDir != null ? dataDir : repoRoot().resolve(".data");
    }

    public boolean isFresh() {
        return fresh;
    }

    public Ports ports() {
        return ports;
    }

    public Set<Infra> infra() {
        return Collections.unmodifiableSet(infra);
    }

    public Set<Service> services() {
        return Collections.unmodifiableSet(services);
    }

    public Path realmFile() {
        return realmFile != null ? realmFile : repoRoot().resolve("deploy/keycloak/realm-detach-dev.json");
    }

    /** The deadline for one component: the explicit one if set, else {@code componentDefault}. */
    public Duration readyTimeout(Duration componentDefault) {
        return readyTimeout != null ? readyTimeout : componentDefault;
    }

    public PrintStream out() {
        return out;
    }

    public Map<String, String> extraEnv(Service service) {
        return extraEnv.getOrDefault(service, Map.of());
    }
}
