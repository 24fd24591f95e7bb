package app.detach.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON mapping the schemas expect: {@code Instant} as ISO-8601 text (not epoch numbers).
 * A Quarkus service's own ObjectMapper already does this; plain code and tests use this one.
 */
public final class EventJson {

    // configured once, never changed afterwards: safe to share between threads
    private static final JsonMapper MAPPER = newMapper();

    private EventJson() {
    }

    /** A new mapper configured for event data, for callers that want to add their own settings. */
    public static JsonMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** The event data as a JSON tree, ready for {@link EventSchemas#validate(EventType, JsonNode)}. */
    public static JsonNode toTree(EventData data) {
        return MAPPER.valueToTree(data);
    }

    /** The event data as the UTF-8 bytes of a Kafka record value. */
    public static byte[] toBytes(EventData data) {
        try {
            return MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + data.eventType().type(), e);
        }
    }

    /** Reads a record value back into the data record of its type. */
    public static <T extends EventData> T fromBytes(byte[] json, Class<T> dataClass) {
        try {
            return MAPPER.readValue(json, dataClass);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + dataClass.getSimpleName() + " from JSON", e);
        }
    }
}
