package app.detach.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files themselves: well-formed 2020-12, strict, one per event type and no more. */
class SchemaFilesTest {

    // surefire runs in the module's basedir: check the sources, not a copy
    private static final Path SCHEMA_ROOT = Path.of("src/main/resources");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema META_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(SchemaId.V202012));

    /*
     * Keywords whose meaning is the same in draft-07, which AsyncAPI tools read payloads as.
     * A schema needing more (prefixItems, $defs, dependentRequired…) must be checked against
     * the AsyncAPI parser first: see README.
     */
    private static final Set<String> PORTABLE_KEYWORDS = Set.of(
            "$schema", "$id", "title", "description", "type", "properties", "required",
            "additionalProperties", "items", "enum", "const", "format", "pattern", "minLength",
            "maxLength", "minimum", "maximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "anyOf");

    static Stream<Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SCHEMA_ROOT.resolve("schemas"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void isAValidDraft202012Schema(Path file) throws IOException {
        JsonNode schema = JSON.readTree(file.toFile());
        assertEquals(List.of(), messages(META_SCHEMA.validate(schema)), file + " against the 2020-12 meta-schema");
        assertEquals(SchemaId.V202012, schema.path("$schema").asText(), file + " must declare draft 2020-12");
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void isStrictAndNamesItsType(Path file) throws IOException {
        JsonNode schema = JSON.readTree(file.toFile());
        String resource = SCHEMA_ROOT.relativize(file).toString().replace('\\', '/');
        EventType type = Arrays.stream(EventType.values())
                .filter(t -> t.schemaResource().equals(resource))
                .findFirst()
                .orElseThrow(() -> new AssertionError(resource + " belongs to no EventType"));

        assertEquals(type.type(), schema.path("title").asText(), "title of " + file);
        assertEquals("object", schema.path("type").asText(), "type of " + file);
        assertTrue(schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").booleanValue(), file + ": additionalProperties must be false");
        assertFalse(schema.path("required").isEmpty(), file + ": no required fields");
        Set<String> defined = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(defined::add);
        schema.path("required").forEach(r -> assertTrue(defined.contains(r.asText()),
                file + ": required field " + r + " is not defined"));
        assertPortable(schema, file.toString());
    }

    @Test
    void everyEventTypeHasASchemaAndEverySchemaAType() throws IOException {
        Set<String> files = schemaFiles()
                .map(p -> SCHEMA_ROOT.relativize(p).toString().replace('\\', '/'))
                .collect(Collectors.toSet());
        Set<String> expected = Arrays.stream(EventType.values())
                .map(EventType::schemaResource)
                .collect(Collectors.toSet());
        assertEquals(expected, files);
        for (EventType type : EventType.values()) {
            // the packaged jar must carry it too: that is where services load it from
            assertTrue(EventSchemas.class.getClassLoader().getResource(type.schemaResource()) != null,
                    type.schemaResource() + " missing from the classpath");
        }
    }

    @Test
    void metaSchemaCheckRejectsAMalformedSchema() throws IOException {
        // proves the meta-schema test above can fail: wrong type name and a non-numeric maximum
        JsonNode broken = JSON.readTree("{\"type\":\"objekt\",\"properties\":{\"mood\":{\"maximum\":\"ten\"}}}");
        List<String> violations = messages(META_SCHEMA.validate(broken));
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().anyMatch(m -> m.contains("maximum")), violations.toString());
    }

    private static void assertPortable(JsonNode schema, String where) {
        schema.fieldNames().forEachRemaining(keyword -> assertTrue(PORTABLE_KEYWORDS.contains(keyword),
                where + ": keyword '" + keyword + "' is not in the portable subset"));
        schema.path("properties").fields().forEachRemaining(e -> assertPortable(e.getValue(), where + "." + e.getKey()));
        if (schema.has("items")) {
            assertPortable(schema.get("items"), where + "[]");
        }
        schema.path("anyOf").forEach(alternative -> assertPortable(alternative, where + "|anyOf"));
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).toList();
    }
}
