package app.detach.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates event data against the JSON Schemas of the contract (draft 2020-12). The services'
 * tests check every event they publish with it, so a producer cannot drift from the schema.
 *
 * <p>All schemas are loaded once, when the class is first used; a compiled {@link JsonSchema} is
 * immutable after {@code initializeValidators()}, so the methods are safe from any thread.
 */
public final class EventSchemas {

    private static final Map<EventType, JsonSchema> SCHEMAS;
    // kept rather than thrown from the static initialiser: every call then fails with the real
    // cause, instead of one ExceptionInInitializerError followed by bare NoClassDefFoundErrors
    private static final RuntimeException LOAD_FAILURE;

    static {
        Map<EventType, JsonSchema> schemas = Map.of();
        RuntimeException failure = null;
        try {
            schemas = loadAll();
        } catch (RuntimeException e) {
            failure = e;
        }
        SCHEMAS = schemas;
        LOAD_FAILURE = failure;
    }

    private EventSchemas() {
    }

    /**
     * @return one message per violation (empty when valid), each naming the JSON path of the
     *         field, e.g. {@code $.mood: must have a maximum value of 10}
     */
    public static List<String> validate(EventType type, JsonNode data) {
        Objects.requireNonNull(type, "type");
        JsonNode instance = data == null ? NullNode.getInstance() : data;
        return schema(type).validate(instance).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    /**
     * Validates data received with a CloudEvents {@code type} string. An unknown type is reported
     * as a violation rather than thrown, so a test asserting "no violations" fails with a clear message.
     */
    public static List<String> validate(String ceType, JsonNode data) {
        return EventType.fromType(ceType)
                .map(type -> validate(type, data))
                .orElseGet(() -> List.of("unknown event type '" + ceType + "': no schema in detach-events"));
    }

    /** Serialises the record as {@link EventJson} does and validates it against its type's schema. */
    public static List<String> validate(EventData data) {
        return validate(data.eventType(), EventJson.toTree(data));
    }

    /** @throws InvalidEventException naming the type and each violation */
    public static void requireValid(EventType type, JsonNode data) {
        throwIfAny(type.type(), validate(type, data));
    }

    /** @throws InvalidEventException naming the type and each violation, or the unknown type */
    public static void requireValid(String ceType, JsonNode data) {
        throwIfAny(ceType, validate(ceType, data));
    }

    /** @throws InvalidEventException naming the type and each violation */
    public static void requireValid(EventData data) {
        throwIfAny(data.eventType().type(), validate(data));
    }

    private static JsonSchema schema(EventType type) {
        if (LOAD_FAILURE != null) {
            throw new IllegalStateException("the detach-events JSON Schemas failed to load", LOAD_FAILURE);
        }
        return SCHEMAS.get(type);
    }

    private static void throwIfAny(String type, List<String> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidEventException(type, violations);
        }
    }

    private static Map<EventType, JsonSchema> loadAll() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        // 2020-12 treats "format" as an annotation only; the contract wants uuid/date-time enforced
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .build();
        ObjectMapper reader = new ObjectMapper();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            JsonNode schemaJson = readResource(reader, type.schemaResource());
            JsonSchema schema = factory.getSchema(
                    SchemaLocation.of("classpath:" + type.schemaResource()), schemaJson, config);
            schema.initializeValidators(); // compile now, not lazily on first use by several threads
            schemas.put(type, schema);
        }
        return schemas;
    }

    // read through this class's loader: under Quarkus tests the context class loader may not see the jar
    private static JsonNode readResource(ObjectMapper reader, String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from detach-events: " + resource);
            }
            return reader.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
