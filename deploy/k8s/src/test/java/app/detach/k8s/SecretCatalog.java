package app.detach.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Secrets a rendered overlay may reference: those documented in {@code secrets.example.yaml} (created by
 * the operator of the cluster with kubectl, never committed with values) and those the operators create from
 * the rendered custom resources (Strimzi: one per KafkaUser and the cluster CA; CloudNativePG: the cluster CA).
 */
final class SecretCatalog {

    private final Map<String, Set<String>> keysBySecret = new LinkedHashMap<>();
    private final Map<String, String> sourceBySecret = new LinkedHashMap<>();

    static SecretCatalog of(Path example, List<K8sObject> rendered) {
        SecretCatalog catalog = new SecretCatalog();
        for (JsonNode secret : readExample(example)) {
            if (!"Secret".equals(secret.path("kind").asText())) {
                continue;
            }
            Set<String> keys = new TreeSet<>();
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            catalog.add(secret.path("metadata").path("name").asText(), keys, K8sObject.display(example));
        }
        for (K8sObject object : rendered) {
            switch (object.kind()) {
                case "KafkaUser" -> catalog.add(object.name(), Set.of("password", "sasl.jaas.config"),
                        "Strimzi (KafkaUser " + object.name() + ")");
                case "Kafka" -> catalog.add(object.name() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"),
                        "Strimzi (Kafka " + object.name() + ")");
                case "Cluster" -> catalog.add(object.name() + "-ca", Set.of("ca.crt", "ca.key"),
                        "CloudNativePG (Cluster " + object.name() + ")");
                default -> {
                }
            }
        }
        return catalog;
    }

    static List<JsonNode> readExample(Path example) {
        if (!Files.isRegularFile(example)) {
            return List.of();
        }
        try (var parser = new YAMLFactory().createParser(example.toFile())) {
            return Kustomize.YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(n -> n != null && !n.isNull()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + example, e);
        }
    }

    private void add(String name, Set<String> keys, String source) {
        keysBySecret.computeIfAbsent(name, n -> new TreeSet<>()).addAll(keys);
        sourceBySecret.putIfAbsent(name, source);
    }

    boolean has(String name) {
        return keysBySecret.containsKey(name);
    }

    Set<String> keys(String name) {
        return keysBySecret.getOrDefault(name, Set.of());
    }

    /** Null when fine, else why not. */
    String problem(String name, String key) {
        if (!has(name)) {
            return "Secret " + name + " is neither documented in deploy/k8s/secrets.example.yaml nor created by an operator";
        }
        if (key != null && !keys(name).contains(key)) {
            return "Secret " + name + " has no key " + key + " (keys per " + sourceBySecret.get(name) + ": " + keys(name) + ")";
        }
        return null;
    }
}
