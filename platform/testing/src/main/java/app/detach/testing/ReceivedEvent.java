package app.detach.testing;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvent read back from a Kafka record (binary mode: {@code ce_*} headers, JSON data).
 *
 * @param id CloudEvents {@code id}
 * @param type CloudEvents {@code type}, e.g. {@code app.detach.journal.entry-recorded}
 * @param source CloudEvents {@code source}, e.g. {@code /detach/journal-service}
 * @param subject CloudEvents {@code subject} (may be {@code null})
 * @param time CloudEvents {@code time} (may be {@code null})
 * @param key the Kafka record key (the user id)
 * @param data the event data as JSON ({@code null} when the record has none)
 * @param topic where it was read
 * @param partition where it was read
 * @param offset where it was read
 */
public record ReceivedEvent(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String key,
        JsonNode data,
        String topic,
        int partition,
        long offset) {

    /** A short description for failure messages. */
    public String describe() {
        return type + " id=" + id + " key=" + key + " subject=" + subject + " at " + topic + "-" + partition + "@"
                + offset + " data=" + data;
    }
}
