package app.detach.k8s;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks are only worth something if they fail: broken copies of the manifests (and of the
 * repository's service configuration) must produce findings that name the file, the object and the field.
 */
class ChecksCanFailTest {

    @TempDir
    Path temp;

    @Test
    void brokenManifestsAreReportedWithFileObjectAndField() throws IOException {
        Path k8s = temp.resolve("k8s");
        for (String dir : List.of("base", "infra", "overlays")) {
            copyTree(Repo.k8s().resolve(dir), k8s.resolve(dir));
        }
        replace(k8s.resolve("base/journal-service/deployment.yaml"), "readinessProbe:", "readynessProbe:");
        replace(k8s.resolve("base/journal-service/deployment.yaml"), "key: password", "key: passwd");
        replace(k8s.resolve("base/streak-service/deployment.yaml"), "            limits:\n              cpu: \"1\"\n              memory: 512Mi\n", "");
        replace(k8s.resolve("base/content-service/deployment.yaml"), "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true");
        replace(k8s.resolve("base/notification-service/configmap.yaml"), "  KAFKA_BOOTSTRAP_SERVERS: detach-kafka-kafka-bootstrap:9093\n", "");
        replace(k8s.resolve("base/content-service/configmap.yaml"), "  QUARKUS_HTTP_PORT: \"8080\"\n",
                "  QUARKUS_HTTP_PORT: \"8080\"\n  QUARKUS_PROFILE: prod,local\n");
        replace(k8s.resolve("base/gateway/service.yaml"), "  selector:\n    app.kubernetes.io/name: gateway", "  selector:\n    app.kubernetes.io/name: gatewai");
        replace(k8s.resolve("base/streak-service/hpa.yaml"), "    name: streak-service", "    name: streak-svc");
        replace(k8s.resolve("base/gateway/deployment.yaml"), "spec:\n", "spec:\n  replicas: 3\n");
        replace(k8s.resolve("base/journal-service/networkpolicy.yaml"), "    - from:\n",
                "    - from:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: default\n");
        replace(k8s.resolve("infra/kafka/topics.yaml"), "name: detach.content.v1\n", "name: detach.contents.v1\n");
        replace(k8s.resolve("infra/kafka/topics.yaml"), "  partitions: 12\n", "  partitons: 12\n");

        List<K8sObject> objects = Kustomize.render(k8s.resolve("overlays/prod"));
        List<String> schema = new ArrayList<>();
        objects.forEach(o -> schema.addAll(Schemas.shared().validate(o)));
        List<String> checks = ManifestChecks.check(objects, Repo.root(), Repo.k8s().resolve("secrets.example.yaml"));

        assertFinding(schema, "base/journal-service/deployment.yaml: Deployment/journal-service", "readynessProbe");
        assertFinding(schema, "infra/kafka/topics.yaml: KafkaTopic/detach.journal.v1", "partitons");
        assertFinding(checks, "base/journal-service/deployment.yaml: Deployment/journal-service",
                "spec.template.spec.containers[0].readinessProbe is missing");
        assertFinding(checks, "base/journal-service/deployment.yaml: Deployment/journal-service",
                "env[QUARKUS_DATASOURCE_PASSWORD].valueFrom.secretKeyRef: Secret journal-service-db has no key passwd");
        assertFinding(checks, "base/streak-service/deployment.yaml: Deployment/streak-service",
                "spec.template.spec.containers[0].resources.limits.cpu is missing");
        assertFinding(checks, "base/content-service/deployment.yaml: Deployment/content-service",
                "securityContext.allowPrivilegeEscalation must be false");
        assertFinding(checks, "Deployment/notification-service", "KAFKA_BOOTSTRAP_SERVERS is not set");
        assertFinding(checks, "Deployment/content-service", "QUARKUS_PROFILE=prod,local (a cluster runs the prod profile only");
        assertFinding(checks, "base/gateway/service.yaml: Service/gateway", "spec.selector {app.kubernetes.io/name=gatewai");
        assertFinding(checks, "base/streak-service/hpa.yaml: HorizontalPodAutoscaler/streak-service",
                "spec.scaleTargetRef Deployment/streak-svc does not exist");
        assertFinding(checks, "base/gateway/deployment.yaml: Deployment/gateway", "spec.replicas must not be set");
        assertFinding(checks, "base/journal-service/networkpolicy.yaml: NetworkPolicy/journal-service",
                "journal-service may take ingress from the gateway only");
        assertFinding(checks, "Topics.java", "topic detach.content.v1 has no KafkaTopic");
        assertFinding(checks, "Deployment/content-service", "topic detach.content.v1");
    }

    @Test
    void whatTheServicesReadIsFollowedAsTheyChange() throws IOException {
        Path repo = temp.resolve("repo");
        for (String module : List.of("journal-service", "streak-service", "content-service", "notification-service", "gateway")) {
            copy(Repo.root().resolve(module).resolve("pom.xml"), repo.resolve(module).resolve("pom.xml"));
            copy(Repo.root().resolve(module).resolve("src/main/resources/application.properties"),
                    repo.resolve(module).resolve("src/main/resources/application.properties"));
        }
        Path topics = Path.of("platform/events/src/main/java/app/detach/events/Topics.java");
        copy(Repo.root().resolve(topics), repo.resolve(topics));
        replace(repo.resolve(topics), "public static final String ACCOUNT",
                "public static final String AUDIT = \"detach.audit.v1\";\n    public static final String ACCOUNT");
        Path journal = repo.resolve("journal-service/src/main/resources/application.properties");
        Files.writeString(journal, Files.readString(journal) + """

                ## added by a colleague
                mp.messaging.incoming.content-events.connector=smallrye-kafka
                mp.messaging.incoming.content-events.topic=detach.content.v1
                mp.messaging.incoming.content-events.group.id=journal-content
                quarkus.mailer.password=dev-only
                %dev.quarkus.mailer.username=ignored-in-production
                """);

        List<String> checks = ManifestChecks.check(OverlaysTest.render("dev"), repo, Repo.k8s().resolve("secrets.example.yaml"));

        assertFinding(checks, "Topics.java", "topic detach.audit.v1 has no KafkaTopic");
        assertFinding(checks, "Deployment/journal-service",
                "dead-letter topic detach.content.v1.dlq.journal-service (for the consumed topic detach.content.v1) has no KafkaTopic");
        assertFinding(checks, "KafkaUser/journal-service", "no Read on topic detach.content.v1");
        assertFinding(checks, "KafkaUser/journal-service", "no Read on group journal-content");
        assertFinding(checks, "Deployment/journal-service", "QUARKUS_MAILER_PASSWORD is not set");
        assertFinding(checks, "Deployment/journal-service", "quarkus.mailer.password has a committed production value");
        assertTrue(checks.stream().noneMatch(f -> f.contains("QUARKUS_MAILER_USERNAME")), "%dev keys are not required: " + checks);
    }

    @Test
    void unknownKindsAndMissingToolsSayWhatIsMissing() {
        ObjectNode certificate = Kustomize.YAML.createObjectNode();
        certificate.put("apiVersion", "cert-manager.io/v1").put("kind", "Certificate").putObject("metadata").put("name", "x");
        List<String> findings = Schemas.shared().validate(new K8sObject(temp.resolve("cert.yaml"), certificate));
        assertFinding(findings, "Certificate/x", "no schema for cert-manager.io/v1 Certificate");

        ObjectNode topic = Kustomize.YAML.createObjectNode();
        topic.put("apiVersion", "kafka.strimzi.io/v1beta3").put("kind", "KafkaTopic").putObject("metadata").put("name", "t");
        assertFinding(Schemas.shared().validate(new K8sObject(null, topic)), "KafkaTopic/t", "no schema for kafka.strimzi.io/v1beta3 KafkaTopic");

        IllegalStateException noKubectl = assertThrows(IllegalStateException.class,
                () -> Kustomize.render(Repo.k8s().resolve("overlays/dev"), "kubectl-not-installed-here"));
        assertTrue(noKubectl.getMessage().startsWith("kubectl-not-installed-here not found on the PATH"), noKubectl.getMessage());

        IllegalStateException noSchemas = assertThrows(IllegalStateException.class,
                () -> Repo.schemas(null, temp.resolve("a/b/repo")));
        assertTrue(noSchemas.getMessage().contains(temp.resolve("a/b/shared/k8s-schemas").toString())
                && noSchemas.getMessage().contains("DETACH_K8S_SCHEMAS"), noSchemas.getMessage());
        IllegalStateException badOverride = assertThrows(IllegalStateException.class,
                () -> Repo.schemas(temp.toString(), temp));
        assertTrue(badOverride.getMessage().contains("DETACH_K8S_SCHEMAS=" + temp), badOverride.getMessage());
    }

    private static void assertFinding(List<String> findings, String where, String what) {
        assertTrue(findings.stream().anyMatch(f -> f.contains(where) && f.contains(what)),
                "expected a finding at '" + where + "' about '" + what + "', got:\n  " + String.join("\n  ", findings));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    copy(f, to.resolve(from.relativize(f).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
