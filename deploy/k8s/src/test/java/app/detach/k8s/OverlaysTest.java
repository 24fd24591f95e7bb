package app.detach.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay, rendered by kubectl kustomize: valid against the schemas, and the own checks pass. */
class OverlaysTest {

    static List<K8sObject> render(String overlay) {
        return Kustomize.renderCached(Repo.k8s().resolve("overlays").resolve(overlay));
    }

    static void assertNoFindings(String what, List<String> findings) {
        assertTrue(findings.isEmpty(), what + ": " + findings.size() + " finding(s):\n  " + String.join("\n  ", findings));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidAgainstItsSchema(String overlay) {
        List<String> findings = new ArrayList<>();
        for (K8sObject object : render(overlay)) {
            findings.addAll(Schemas.shared().validate(object));
        }
        assertNoFindings("overlays/" + overlay + " against the schemas", findings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void passesTheManifestChecks(String overlay) {
        assertNoFindings("overlays/" + overlay,
                ManifestChecks.check(render(overlay), Repo.root(), Repo.k8s().resolve("secrets.example.yaml")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void containsEveryApplicationAndTheInfrastructure(String overlay) {
        Map<String, Set<String>> byKind = render(overlay).stream().collect(Collectors.groupingBy(K8sObject::kind,
                Collectors.mapping(K8sObject::name, Collectors.toCollection(TreeSet::new))));
        Set<String> apps = Set.of("journal-service", "streak-service", "content-service", "notification-service", "gateway");
        for (String kind : List.of("Deployment", "Service", "ServiceAccount", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy")) {
            assertTrue(byKind.getOrDefault(kind, Set.of()).containsAll(apps), overlay + ": " + kind + " for " + apps
                    + ", got " + byKind.get(kind));
        }
        assertTrue(byKind.get("ConfigMap").containsAll(apps.stream().map(a -> a + "-config").toList()), overlay + ": ConfigMaps");
        assertTrue(byKind.get("NetworkPolicy").contains("default-deny"), overlay + ": default-deny NetworkPolicy");
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database", "Keycloak",
                "KeycloakRealmImport", "Ingress")) {
            assertTrue(byKind.containsKey(kind), overlay + ": no " + kind);
        }
        assertEquals(Set.of("detach"), render(overlay).stream().map(K8sObject::namespace).filter(n -> !n.isEmpty())
                .collect(Collectors.toSet()), overlay + ": one namespace");
        for (K8sObject d : objects(overlay, "Deployment")) {
            assertEquals("ghcr.io/detach/" + d.name() + ":0.1.0",
                    d.at("spec.template.spec.containers").get(0).path("image").asText(), d.where() + ": image");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void publicUrlsNameTheIngressHost(String overlay) {
        String host = objects(overlay, "Ingress").get(0).at("spec.rules").get(0).path("host").asText();
        for (K8sObject cm : objects(overlay, "ConfigMap")) {
            cm.at("data").fields().forEachRemaining(f -> {
                if (f.getKey().endsWith("_PUBLIC_URL")) {
                    assertEquals("https://" + host, f.getValue().asText(), cm.where() + ": data." + f.getKey());
                }
            });
        }
    }

    @Test
    void devIsOneOfEverything() {
        for (K8sObject hpa : objects("dev", "HorizontalPodAutoscaler")) {
            assertEquals(1, hpa.at("spec.minReplicas").asInt(), hpa.where() + ": spec.minReplicas");
        }
        assertEquals(1, brokers("dev"), "dev: Kafka brokers");
        assertEquals(1, objects("dev", "Cluster").get(0).at("spec.instances").asInt(), "dev: PostgreSQL instances");
        for (K8sObject t : objects("dev", "KafkaTopic")) {
            assertEquals(1, t.at("spec.replicas").asInt(), t.where() + ": spec.replicas");
        }
    }

    @Test
    void prodIsHighlyAvailable() {
        for (K8sObject d : objects("prod", "Deployment")) {
            JsonNode spread = d.at("spec.template.spec.topologySpreadConstraints");
            assertTrue(spread.size() >= 1, d.where() + ": spec.template.spec.topologySpreadConstraints");
            assertTrue(d.at("spec.template.spec.affinity.podAntiAffinity").isObject(), d.where() + ": podAntiAffinity");
            assertTrue(objects("prod", "PodDisruptionBudget").stream().anyMatch(p -> p.name().equals(d.name())),
                    d.where() + ": PodDisruptionBudget");
        }
        for (K8sObject hpa : objects("prod", "HorizontalPodAutoscaler")) {
            assertTrue(hpa.at("spec.minReplicas").asInt() >= 2, hpa.where() + ": spec.minReplicas >= 2");
        }
        assertTrue(brokers("prod") >= 3, "prod: at least 3 Kafka brokers");
        K8sObject db = objects("prod", "Cluster").get(0);
        assertTrue(db.at("spec.instances").asInt() >= 3, db.where() + ": spec.instances >= 3");
        assertTrue(db.at("spec.backup.barmanObjectStore").isObject(), db.where() + ": spec.backup");
        assertTrue(objects("prod", "ScheduledBackup").size() == 1, "prod: a ScheduledBackup");
        for (K8sObject t : objects("prod", "KafkaTopic")) {
            assertEquals(3, t.at("spec.replicas").asInt(), t.where() + ": spec.replicas");
            assertEquals(2, t.at("spec.config").path("min.insync.replicas").asInt(), t.where() + ": min.insync.replicas");
        }
    }

    static List<K8sObject> objects(String overlay, String kind) {
        return render(overlay).stream().filter(o -> o.kind().equals(kind)).toList();
    }

    private static int brokers(String overlay) {
        int brokers = 0;
        for (K8sObject pool : objects(overlay, "KafkaNodePool")) {
            for (JsonNode role : pool.at("spec.roles")) {
                if (role.asText().equals("broker")) {
                    brokers += pool.at("spec.replicas").asInt();
                }
            }
        }
        return brokers;
    }

    static Path repo() {
        return Repo.root();
    }
}
