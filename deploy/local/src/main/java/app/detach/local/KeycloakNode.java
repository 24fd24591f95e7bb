package app.detach.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The real Keycloak server ({@code kc.sh start-dev}) as a child process, storing its data in the
 * stack's PostgreSQL database {@code keycloak}, importing the realm on first start, with a fixed
 * hostname so that every token's issuer is {@code http://localhost:<port>/realms/detach}.
 */
public final class KeycloakNode {

    public static final String REALM = "detach";
    public static final String DATABASE = "keycloak";
    static final String DEV_GATEWAY_URL = "http://localhost:8080";

    private final ChildProcess child;
    private final int port;

    private KeycloakNode(ChildProcess child, int port) {
        this.child = child;
        this.port = port;
    }

    /** The unpacked distribution under {@code deploy/local/target/keycloak}, or a clear error. */
    public static Path distribution(Path repoRoot) {
        Path dist = repoRoot.resolve("deploy/local/target/keycloak/keycloak-" + keycloakVersion());
        if (!Files.isRegularFile(dist.resolve("bin/kc.sh"))) {
            throw new StackException("Keycloak is not unpacked at " + dist + ": build it first with ./mvnw -q -pl deploy/local install -DskipTests");
        }
        return dist;
    }

    static String keycloakVersion() {
        Properties p = new Properties();
        try (InputStream in = KeycloakNode.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("keycloak.version", "26.4.5");
    }

    /** Copies {@code realmFile} (gateway URLs adapted to {@code gatewayPort}) into the import folder and starts Keycloak; returns at once, use {@link #probe()}. */
    public static KeycloakNode start(Path dist, Path realmFile, Path logsDir, int port, int managementPort, int postgresPort,
                                     int gatewayPort) {
        try {
            Path importDir = dist.resolve("data/import");
            Files.createDirectories(importDir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(importDir, "*.json")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
            // the dev realm names the gateway at localhost:8080; follow a moved gateway (e.g. in system tests)
            String realm = Files.readString(realmFile).replace(DEV_GATEWAY_URL, "http://localhost:" + gatewayPort);
            Files.writeString(importDir.resolve("realm-" + REALM + ".json"), realm);
        } catch (IOException e) {
            throw new StackException("cannot copy the realm " + realmFile + " into Keycloak: " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of("bash", dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port,
                "--import-realm"));
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", JavaRuntime.home());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx384m");
        if (JavaRuntime.feature() >= 24) {
            env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        env.put("KC_DB", "postgres");
        env.put("KC_DB_URL", "jdbc:postgresql://localhost:" + postgresPort + "/" + DATABASE);
        env.put("KC_DB_USERNAME", DATABASE);
        env.put("KC_DB_PASSWORD", DATABASE);
        env.put("KC_DB_POOL_MAX_SIZE", "20");
        // A pooled connection idle for over a second is checked before Keycloak gets it: after a
        // PostgreSQL restart the dead ones are replaced instead of failing a sign-in with a 500
        // each (FaultsIT counts them). Keycloak has no option of its own for it; Quarkus' Agroal does.
        env.put("QUARKUS_DATASOURCE_JDBC_FOREGROUND_VALIDATION_INTERVAL", "1S");
        // master realm administrator: dev only, the credentials are printed in the banner
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("KC_LOG_CONSOLE_COLOR", "false");
        ChildProcess child = ChildProcess.start("keycloak", command, env, dist, logsDir.resolve("keycloak.log"));
        return new KeycloakNode(child, port);
    }

    public ChildProcess child() {
        return child;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /** Ready when the realm's discovery document answers 200 (so the import has happened). */
    public ReadinessProbe probe() {
        return ReadinessProbe.http(issuer() + "/.well-known/openid-configuration");
    }
}
