package app.detach.system;

import app.detach.local.QuarkusServiceNode;
import app.detach.local.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside the local stack, a forgotten secret stops the start-up with the name of the variable to set;
 * no application falls back to a dev value committed to this repository. (./run.sh and the system tests
 * run every jar with QUARKUS_PROFILE=prod,local: the dev values live in the profiles dev, test and local.)
 * <p>
 * Each packaged jar is started the way a production deployment starts it, with the prod profile, once per
 * secret with exactly that one missing (it must exit non-zero naming the variable), and once with all of
 * them (it must get past the configuration). Nothing else runs: the HTTP port is random and PostgreSQL,
 * Kafka and Keycloak point at a closed port, so this class needs neither the stack nor its lock.
 */
class ProductionSecretsIT {

    /** Every secret an application needs in production, with a valid value for the run that has them all. */
    static final Map<Service, Map<String, String>> SECRETS = Map.of(
            Service.JOURNAL, secrets("QUARKUS_DATASOURCE_PASSWORD", "from-a-secret", "DETACH_JOURNAL_KEK_CURRENT", "v1",
                    "DETACH_JOURNAL_KEK_KEYS_V1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
            Service.STREAK, secrets("QUARKUS_DATASOURCE_PASSWORD", "from-a-secret"),
            Service.CONTENT, secrets("QUARKUS_DATASOURCE_PASSWORD", "from-a-secret"),
            Service.NOTIFICATION, secrets("QUARKUS_DATASOURCE_PASSWORD", "from-a-secret",
                    "DETACH_NOTIFICATION_UNSUBSCRIBE_SECRET", "from-a-secret-0123456789"),
            Service.GATEWAY, secrets("QUARKUS_OIDC_CREDENTIALS_SECRET", "from-a-secret",
                    "DETACH_GATEWAY_STATE_SECRET", "from-a-secret-0123456789abcdef0123456789",
                    "DETACH_GATEWAY_SESSION_SECRET", "from-a-secret-abcdef0123456789abcdef0123"));
    /** The versioned KEKs are a map: its entries are not required one by one, the current version's is (KeyRing). */
    private static final List<String> NOT_REQUIRED_ONE_BY_ONE = List.of("DETACH_JOURNAL_KEK_KEYS_V1");
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String CLOSED = "localhost:1";

    private final Path root = Path.of(System.getProperty("detach.repo.root", "..")).toAbsolutePath().normalize();
    private final Path logs = root.resolve("system-tests/target/production-secrets");

    @Test
    void eachMissingSecretStopsTheStartAndIsNamed() {
        List<String> failures = new ArrayList<>();
        for (Service service : Service.values()) {
            for (String missing : SECRETS.get(service).keySet()) {
                if (NOT_REQUIRED_ONE_BY_ONE.contains(missing)) {
                    continue;
                }
                Map<String, String> env = new HashMap<>(SECRETS.get(service));
                env.remove(missing);
                Run run = start(service, "without-" + missing, env);
                try {
                    run.awaitExit();
                } finally {
                    run.stop();
                }
                System.out.printf("production secrets: %s without %s exited %d after %.1f s%n",
                        service.module(), missing, run.exitCode(), run.seconds());
                if (run.exitCode() == 0 || !run.output().contains(missing)) {
                    failures.add(service.module() + " without " + missing + ": exit " + run.exitCode()
                            + ", the variable is " + (run.output().contains(missing) ? "" : "not ") + "named (" + run.log + ")");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void withEverySecretTheConfigurationIsComplete() {
        for (Service service : Service.values()) {
            Run run = start(service, "with-all", SECRETS.get(service));
            boolean started;
            double seconds;
            try {
                // The services then fail to reach PostgreSQL (closed port); the gateway has no database and starts.
                started = run.awaitExitOr("started in");
                seconds = run.seconds();
            } finally {
                run.stop();
            }
            System.out.printf("production secrets: %s with all secrets %s after %.1f s%n", service.module(),
                    started ? "started" : "exited " + run.exitCode() + " (no infrastructure)", seconds);
            String output = run.output();
            assertFalse(output.contains("SRCFG"), service.module() + " still misses configuration (" + run.log + ")");
            for (String secret : SECRETS.get(service).keySet()) {
                assertFalse(output.contains(secret), service.module() + " names " + secret + " although it is set (" + run.log + ")");
            }
            if (service == Service.GATEWAY) {
                assertTrue(started, "the gateway needs nothing but its secrets and addresses to start (" + run.log + ")");
            } else {
                assertNotEquals(0, run.exitCode(), run.log.toString());
                assertTrue(output.contains("refused"),
                        service.module() + " should have got as far as connecting to PostgreSQL (" + run.log + ")");
            }
        }
    }

    /** Starts the packaged jar with the prod profile: only {@code secrets}, a random port, closed infrastructure. */
    private Run start(Service service, String name, Map<String, String> secrets) {
        Path jar = QuarkusServiceNode.jar(root, service);
        Path log = logs.resolve(service.module() + "-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .directory(root.resolve(service.module()).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // whatever this JVM's environment holds for Quarkus or Detach must not help (or hurt) the child
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("DETACH_") || k.startsWith("KAFKA_"));
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("KAFKA_BOOTSTRAP_SERVERS", CLOSED);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://" + CLOSED + "/realms/detach");
        if (service == Service.GATEWAY) {
            env.put("QUARKUS_KEYCLOAK_ADMIN_CLIENT_SERVER_URL", "http://" + CLOSED);
        } else {
            env.put("QUARKUS_DATASOURCE_USERNAME", service.database());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + CLOSED + "/" + service.database());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + CLOSED + "/" + service.database());
        }
        env.putAll(secrets);
        try {
            Files.createDirectories(logs);
            return new Run(builder.start(), log, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    private static Map<String, String> secrets(String... namesAndValues) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            secrets.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return secrets;
    }

    private record Run(Process process, Path log, long startedNanos) {

        void awaitExit() {
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> !process.isAlive());
        }

        /** True when {@code marker} appeared in the output before the process exited. */
        boolean awaitExitOr(String marker) {
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> !process.isAlive() || output().contains(marker));
            return output().contains(marker);
        }

        /** Ends the process if it still runs (SIGTERM, then SIGKILL): nothing outlives the test. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        int exitCode() {
            return process.isAlive() ? Integer.MIN_VALUE : process.exitValue();
        }

        double seconds() {
            return (System.nanoTime() - startedNanos) / 1e9;
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
