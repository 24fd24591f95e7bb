package app.detach.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what a service needs from its application.properties, pom and the event contract. */
class ServiceContractTest {

    @Test
    void aServiceNeedsItsDatabaseKafkaAndKeycloakFromTheEnvironment() {
        ServiceContract journal = ServiceContract.read(Repo.root(), "journal-service");
        assertTrue(journal.requiredEnv().containsAll(Set.of("QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL")), journal.requiredEnv().toString());
        assertTrue(journal.produced().containsAll(Set.of("detach.journal.v1", "detach.account.v1")), journal.produced().toString());
    }

    @Test
    void theGatewayNeedsItsSecretsAndRoutes() {
        ServiceContract gateway = ServiceContract.read(Repo.root(), "gateway");
        assertTrue(gateway.requiredEnv().containsAll(Set.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CREDENTIALS_SECRET",
                "DETACH_GATEWAY_SESSION_SECRET", "DETACH_GATEWAY_STATE_SECRET", "DETACH_GATEWAY_ROUTES_JOURNAL",
                "DETACH_GATEWAY_ROUTES_NOTIFICATION")), gateway.requiredEnv().toString());
        assertTrue(gateway.requiredEnv().stream().noneMatch(e -> e.startsWith("QUARKUS_OIDC_TOKEN_STATE_MANAGER")),
                "a property whose value names an env var needs that variable, not its own: " + gateway.requiredEnv());
    }

    @Test
    void secretsHaveNoCommittedProductionValueAndComeFromTheEnvironment() {
        for (String module : List.of("journal-service", "streak-service", "content-service", "notification-service", "gateway")) {
            ServiceContract contract = ServiceContract.read(Repo.root(), module);
            assertEquals(Set.of(), contract.committedSecrets(), module + ": a secret with a production value in "
                    + contract.properties() + " (dev values belong to %dev,test,local.)");
            assertTrue(contract.requiredEnv().contains("QUARKUS_HTTP_PORT"), module);
        }
        ServiceContract journal = ServiceContract.read(Repo.root(), "journal-service");
        assertTrue(journal.requiredEnv().contains("DETACH_JOURNAL_KEK_CURRENT"), journal.requiredEnv().toString());
        assertEquals(Set.of("DETACH_JOURNAL_KEK_KEYS"), journal.keyPrefixes(), "named by the dev and test profiles only");
        ServiceContract notification = ServiceContract.read(Repo.root(), "notification-service");
        assertTrue(notification.requiredEnv().containsAll(Set.of("DETACH_NOTIFICATION_UNSUBSCRIBE_SECRET",
                "QUARKUS_DATASOURCE_PASSWORD")), notification.requiredEnv().toString());
    }

    @Test
    void channelsProfilesAndKeysAreRead(@TempDir Path repo) throws IOException {
        Path topics = repo.resolve("platform/events/src/main/java/app/detach/events/Topics.java");
        Files.createDirectories(topics.getParent());
        Files.copy(Repo.root().resolve("platform/events/src/main/java/app/detach/events/Topics.java"), topics);
        Path props = repo.resolve("x-service/src/main/resources/application.properties");
        Files.createDirectories(props.getParent());
        Files.writeString(props, String.join("\n", List.of(
                "mp.messaging.incoming.streak-events.connector=smallrye-kafka",
                "mp.messaging.incoming.streak-events.topic=detach.streak.v1",
                "mp.messaging.incoming.streak-events.dead-letter-queue.topic=detach.streak.v1.dlq.x-service",
                "mp.messaging.incoming.detach.account.v1.connector=smallrye-kafka",
                "mp.messaging.incoming.detach.account.v1.failure-strategy=dead-letter-queue",
                "mp.messaging.incoming.detach.account.v1.group.id=x-account",
                "quarkus.application.name=x",
                "mp.messaging.outgoing.detach-outbox.topic=detach.outbox.unrouted",
                "mp.messaging.outgoing.audit.topic=detach.audit.v1",
                "%prod.detach.x.api-password=from-env",
                "%test.quarkus.datasource.password=test",
                "detach.x.kek.current=v1",
                "detach.x.kek.keys.\"v1\"=c2VjcmV0",
                "detach.x.kek.rewrap-interval=10m",
                "%dev,test,local.detach.y.kek.keys.dev1=c2VjcmV0",
                "detach.x.db.password=${X_DB_PASSWORD:dev-value}",
                "%dev,local.detach.x.smtp-password=dev-only",
                "detach.x.smtp-password=${X_SMTP_PASSWORD}",
                "detach.x.admin-secret=${detach.x.smtp-password}",
                "detach.x.cache-size=10")));
        ServiceContract x = ServiceContract.read(repo, "x-service");
        assertEquals(Set.of("detach.streak.v1", "detach.account.v1"), x.consumed());
        assertEquals(Set.of("detach.audit.v1"), x.produced(), "the outbox channel's fallback topic is not a topic");
        assertEquals(Set.of("detach.streak.v1.dlq.x-service", "dead-letter-topic-detach.account.v1"), x.deadLetters(),
                "without an explicit topic SmallRye's default dead-letter topic is used");
        assertEquals(Set.of("x", "x-account"), x.groups(), "group.id, default quarkus.application.name");
        assertEquals(Set.of("DETACH_X_API_PASSWORD", "DETACH_X_KEK_CURRENT", "X_DB_PASSWORD", "X_SMTP_PASSWORD"), x.requiredEnv());
        assertEquals(Set.of("DETACH_X_KEK_KEYS", "DETACH_Y_KEK_KEYS"), x.keyPrefixes(), "versioned keys of any profile");
        assertEquals(Set.of("detach.x.api-password", "detach.x.kek.keys.\"v1\"", "detach.x.db.password"), x.committedSecrets(),
                "a literal, a default, or key material in production; ${ENV} and ${other.property} commit nothing");
        assertEquals(Set.of("detach.journal.v1", "detach.streak.v1", "detach.content.v1", "detach.account.v1"),
                ServiceContract.contractTopics(repo));
    }
}
