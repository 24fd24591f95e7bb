package app.detach.content.messaging;

import app.detach.events.CloudEventAttributes;
import app.detach.events.EventJson;
import app.detach.events.EventSchemas;
import app.detach.events.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * A CloudEvent (Kafka binary mode) as a consumer sees it: id and type from the {@code ce_*} headers,
 * data parsed and checked against its schema. A record that claims a handled type but is not valid
 * throws, so the connector parks it in the dead-letter topic with the reason.
 */
record IncomingEvent(String id, EventType type, JsonNode data) {

    private static final ObjectMapper JSON = EventJson.newMapper();

    /** Empty for types this consumer does not handle (they are acknowledged and skipped). */
    static Optional<IncomingEvent> read(ConsumerRecord<String, String> record, Set<EventType> handled) {
        String ceType = header(record, CloudEventAttributes.HEADER_TYPE);
        Optional<EventType> type = EventType.fromType(ceType).filter(handled::contains);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String id = header(record, CloudEventAttributes.HEADER_ID);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("record of type " + ceType + " has no ce_id header");
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value() == null ? "" : record.value());
        } catch (Exception e) {
            throw new IllegalArgumentException("record " + id + " of type " + ceType + " is not JSON", e);
        }
        EventSchemas.requireValid(type.get(), data);
        return Optional.of(new IncomingEvent(id, type.get(), data));
    }

    <T> T as(Class<T> dataClass) {
        return JSON.convertValue(data, dataClass);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
