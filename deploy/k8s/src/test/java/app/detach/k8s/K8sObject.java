package app.detach.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;

/** One rendered object and the file it came from (kustomize's origin annotation). */
record K8sObject(Path origin, JsonNode node) {

    String apiVersion() {
        return node.path("apiVersion").asText();
    }

    String kind() {
        return node.path("kind").asText();
    }

    String name() {
        return node.path("metadata").path("name").asText();
    }

    String namespace() {
        return node.path("metadata").path("namespace").asText("");
    }

    /** {@code deploy/k8s/base/gateway/deployment.yaml: Deployment/gateway} — the prefix of every finding. */
    String where() {
        return (origin == null ? "<unknown file>" : display(origin)) + ": " + kind() + "/" + name();
    }

    /** A node by a dotted path, e.g. {@code spec.template.spec}; MissingNode when absent. */
    JsonNode at(String dotted) {
        JsonNode current = node;
        for (String part : dotted.split("\\.")) {
            current = current == null ? MissingNode.getInstance() : current.path(part);
        }
        return current;
    }

    static String display(Path path) {
        Path root = Repo.root();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }
}
