package app.detach.outbox;

import app.detach.events.CloudEventAttributes;
import app.detach.events.EventData;
import app.detach.events.EventSchemas;
import app.detach.events.EventType;
import app.detach.events.InvalidEventException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A CloudEvent (Kafka binary mode) read from a record: id and type from the ce_* headers, data
 * parsed and validated against the contract. A record that cannot be read is poison: {@link #read}
 * throws {@link PoisonRecordException}, the message is nacked and parked in the dead-letter topic
 * with the reason.
 *
 * <p>The consuming half of the contract the outbox produces: a consumer reads the record with
 * this, then applies it in one transaction with {@link ProcessedEvents#firstTime} so a redelivery is
 * a no-op.
 */
public record IncomingEvent(String id, EventType type, EventData data) {

    /**
     * @return empty for a type this consumer does not handle
     * @throws PoisonRecordException for a record without ce_id/ce_type, or with invalid data (never
     *         retried: {@link ConsumerTransactions} lets the connector park it at once)
     */
    public static Optional<IncomingEvent> read(ConsumerRecord<String, String> record, ObjectMapper mapper,
            EventType... handled) {
        String id = header(record, CloudEventAttributes.HEADER_ID);
        String ceType = header(record, CloudEventAttributes.HEADER_TYPE);
        if (id == null || id.isBlank() || ceType == null || ceType.isBlank()) {
            throw new PoisonRecordException("not a CloudEvent: ce_id and ce_type headers are required");
        }
        Optional<EventType> type = EventType.fromType(ceType).filter(t -> Arrays.asList(handled).contains(t));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = record.value() == null ? null : mapper.readTree(record.value());
        } catch (IOException e) {
            throw new PoisonRecordException(ceType + " " + id + ": data is not JSON");
        }
        try {
            EventSchemas.requireValid(type.get(), json);
        } catch (InvalidEventException e) {
            throw new PoisonRecordException(ceType + " " + id + ": " + e.getMessage());
        }
        try {
            return Optional.of(new IncomingEvent(id, type.get(), mapper.convertValue(json, type.get().dataClass())));
        } catch (IllegalArgumentException e) {
            throw new PoisonRecordException(ceType + " " + id + ": data cannot be read", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
