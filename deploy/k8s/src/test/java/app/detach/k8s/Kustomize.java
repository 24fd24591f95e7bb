package app.detach.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}. A throw-away wrapper kustomization next to it
 * adds {@code buildMetadata: [originAnnotations]}, so every object says which file it came from; the
 * annotation is removed again before the objects are handed out.
 */
final class Kustomize {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final String ORIGIN = "config.kubernetes.io/origin";
    private static final Map<Path, List<K8sObject>> CACHE = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** Renders once per directory and JVM. */
    static List<K8sObject> renderCached(Path dir) {
        return CACHE.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::render);
    }

    static List<K8sObject> render(Path dir) {
        return render(dir, "kubectl");
    }

    static List<K8sObject> render(Path dir, String kubectl) {
        Path target = dir.toAbsolutePath().normalize();
        try {
            Path work = Files.createDirectories(Repo.k8s().resolve("target/kustomize"));
            Path wrapper = Files.createTempDirectory(work, "render-");
            // kubectl refuses absolute resource paths: point at the target relatively.
            String relative = wrapper.relativize(target).toString().replace('\\', '/');
            Files.writeString(wrapper.resolve("kustomization.yaml"),
                    "resources:\n  - " + relative + "\nbuildMetadata: [originAnnotations]\n");
            String yaml = run(kubectl, wrapper, target);
            List<K8sObject> objects = new ArrayList<>();
            try (var parser = new YAMLFactory().createParser(yaml)) {
                for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                    if (node == null || node.isNull() || node.isMissingNode()) {
                        continue;
                    }
                    objects.add(new K8sObject(origin(node, wrapper), node));
                }
            }
            return List.copyOf(objects);
        } catch (IOException e) {
            throw new IllegalStateException("rendering " + K8sObject.display(target) + " failed: " + e.getMessage(), e);
        }
    }

    private static Path origin(JsonNode node, Path wrapper) throws IOException {
        JsonNode annotations = node.path("metadata").path("annotations");
        if (!annotations.has(ORIGIN)) {
            return null;
        }
        JsonNode origin = YAML.readTree(annotations.get(ORIGIN).asText());
        ((ObjectNode) annotations).remove(ORIGIN);
        if (annotations.isEmpty()) {
            ((ObjectNode) node.get("metadata")).remove("annotations");
        }
        String path = origin.path("path").asText(null);
        // relative to the wrapper kustomization
        return path == null ? null : wrapper.resolve(path).normalize();
    }

    private static String run(String kubectl, Path wrapper, Path target) throws IOException {
        Path err = wrapper.resolve("stderr.txt");
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", wrapper.toString())
                    .redirectError(err.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(kubectl + " not found on the PATH: it renders the kustomize overlays "
                    + "(kubectl kustomize); install kubectl to run this check (" + e.getMessage() + ")");
        }
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + K8sObject.display(target) + " took over 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + K8sObject.display(target) + " failed: "
                    + Files.readString(err).strip());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
