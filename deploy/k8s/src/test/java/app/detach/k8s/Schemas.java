package app.detach.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline, strict schema validation of rendered objects.
 *
 * <ul>
 *   <li>Built-in kinds: the Kubernetes OpenAPI v3 document of the object's group/version
 *       ({@code kubernetes-1.33/api/v1.json}, {@code kubernetes-1.33/apis/<group>/<version>.json}), the schema
 *       whose {@code x-kubernetes-group-version-kind} names the object's kind; {@code $ref}s resolve inside
 *       that document.</li>
 *   <li>Custom resources: {@code crds/<group>/<kind>_<version>.json}.</li>
 *   <li>Strict: every schema object with {@code properties} and neither {@code additionalProperties} nor
 *       {@code x-kubernetes-preserve-unknown-fields} gets {@code additionalProperties: false}, so an unknown
 *       or misspelt field is an error, as the API server's strict field validation would make it.</li>
 * </ul>
 */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    // OpenAPI formats (int32, int-or-string, byte …) are not JSON Schema assertions.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false)
            .build();

    private final Path root;
    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    Schemas(Path root) {
        this.root = root;
    }

    private static Schemas shared;

    static synchronized Schemas shared() {
        if (shared == null) {
            shared = new Schemas(Repo.schemas());
        }
        return shared;
    }

    /** Findings for one object, each naming file, object and field; empty when valid. */
    List<String> validate(K8sObject object) {
        String apiVersion = object.apiVersion();
        String kind = object.kind();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of(object.where() + ": apiVersion and kind are required");
        }
        JsonSchema schema;
        try {
            schema = compiled.computeIfAbsent(apiVersion + "/" + kind, key -> compile(apiVersion, kind));
        } catch (IllegalArgumentException e) {
            return List.of(object.where() + ": " + e.getMessage());
        }
        List<String> findings = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object.node())) {
            findings.add(object.where() + ": " + message.getMessage());
        }
        return findings;
    }

    private JsonSchema compile(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        Path crd = root.resolve("crds").resolve(group).resolve(kind.toLowerCase(Locale.ROOT) + "_" + version + ".json");
        if (!group.isEmpty() && Files.isDirectory(root.resolve("crds").resolve(group))) {
            if (!Files.isRegularFile(crd)) {
                throw new IllegalArgumentException("no schema for " + apiVersion + " " + kind + " (looked for "
                        + root.relativize(crd) + "; is the apiVersion served by the operator?)");
            }
            JsonNode schema = read(crd);
            // Some CRD schemas describe only spec/status: the envelope every object has is added here.
            ObjectNode properties = (ObjectNode) schema.path("properties");
            if (!properties.has("apiVersion")) {
                properties.putObject("apiVersion").put("type", "string");
            }
            if (!properties.has("kind")) {
                properties.putObject("kind").put("type", "string");
            }
            if (!properties.has("metadata")) {
                properties.putObject("metadata").put("type", "object");
            }
            strict(schema);
            return FACTORY.getSchema(schema, CONFIG);
        }
        Path file = group.isEmpty()
                ? root.resolve("kubernetes-1.33/api").resolve(version + ".json")
                : root.resolve("kubernetes-1.33/apis").resolve(group).resolve(version + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no schema for " + apiVersion + " " + kind + " (no "
                    + root.relativize(file) + ")");
        }
        JsonNode document = documents.computeIfAbsent(file.toString(), f -> {
            JsonNode doc = read(file);
            doc.path("components").path("schemas").forEach(Schemas::strict);
            return doc;
        });
        String name = schemaName(document, group, version, kind);
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$ref", "#/components/schemas/" + name);
        wrapper.set("components", document.get("components"));
        return FACTORY.getSchema(wrapper, CONFIG);
    }

    private static String schemaName(JsonNode document, String group, String version, String kind) {
        Iterator<Map.Entry<String, JsonNode>> fields = document.path("components").path("schemas").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            for (JsonNode gvk : entry.getValue().path("x-kubernetes-group-version-kind")) {
                if (gvk.path("group").asText().equals(group) && gvk.path("version").asText().equals(version)
                        && gvk.path("kind").asText().equals(kind)) {
                    return entry.getKey();
                }
            }
        }
        throw new IllegalArgumentException("no schema for " + (group.isEmpty() ? "" : group + "/") + version + " "
                + kind + " in the Kubernetes 1.33 OpenAPI documents");
    }

    /** Adds additionalProperties:false wherever a schema lists properties and allows nothing else explicitly. */
    static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.path("properties").isObject()) {
            if (!preserve && !node.has("additionalProperties")) {
                node.set("additionalProperties", BooleanNode.FALSE);
            }
            node.get("properties").forEach(Schemas::strict);
        }
        if (node.has("items")) {
            JsonNode items = node.get("items");
            if (items.isArray()) {
                items.forEach(Schemas::strict);
            } else {
                strict(items);
            }
        }
        if (node.path("additionalProperties").isObject()) {
            strict(node.get("additionalProperties"));
        }
        for (String composite : List.of("allOf", "anyOf", "oneOf")) {
            node.path(composite).forEach(Schemas::strict);
        }
        if (node.has("not")) {
            strict(node.get("not"));
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
