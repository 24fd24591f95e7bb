package app.detach.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** secrets.example.yaml documents the Secrets; it is valid, holds no real value and is never deployed. */
class SecretsExampleTest {

    private static final Path EXAMPLE = Repo.k8s().resolve("secrets.example.yaml");

    @Test
    void everyExampleSecretIsValidAndHoldsOnlyPlaceholders() {
        List<String> findings = new ArrayList<>();
        List<JsonNode> secrets = SecretCatalog.readExample(EXAMPLE);
        assertFalse(secrets.isEmpty(), "no Secrets in " + EXAMPLE);
        for (JsonNode secret : secrets) {
            K8sObject object = new K8sObject(EXAMPLE, secret);
            findings.addAll(Schemas.shared().validate(object));
            assertFalse(secret.has("data"), object.where() + ": use stringData with placeholders, never data");
            secret.path("stringData").fields().forEachRemaining(f -> {
                String value = f.getValue().asText();
                boolean placeholder = value.startsWith("CHANGE-ME") || value.contains("example.com") || value.matches("v\\d+|\\d+|REQUIRED|[a-z-]+");
                if (!placeholder) {
                    findings.add(object.where() + ": stringData." + f.getKey() + " looks like a real value");
                }
            });
        }
        OverlaysTest.assertNoFindings("secrets.example.yaml", findings);
    }

    @Test
    void noKustomizationIncludesTheExample() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !f.startsWith(Repo.k8s().resolve("target"))).toList()) {
                assertFalse(Files.readString(kustomization).contains("secrets.example"), kustomization + " includes the example Secrets");
            }
        }
        assertTrue(Files.isRegularFile(EXAMPLE));
    }
}
