package app.detach.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.detach.events.CloudEventAttributes;
import app.detach.events.EventData;
import app.detach.events.EventSchemas;
import app.detach.events.EventType;
import io.smallrye.mutiny.Uni;

/**
 * Records events in the outbox table <b>in the caller's Hibernate Reactive transaction</b>: the
 * event is committed, or rolled back, together with the state change it describes. The
 * {@link OutboxRelay} publishes it to Kafka afterwards.
 *
 * <pre>{@code
 * @WithTransaction
 * public Uni<Urge> logUrge(String userId, int intensity) {
 *     Urge urge = new Urge(userId, intensity);
 *     return urge.persist()
 *             .call(() -> outbox.record(new UrgeResisted(userId, urge.id, intensity, urge.occurredAt)))
 *             .replaceWith(urge);
 * }
 * }</pre>
 *
 * Calling it without an open transaction fails (an event outside the transaction would be a dual
 * write). The event's CloudEvents {@code source} is {@code /detach/<quarkus.application.name>}.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final String source;

    Outbox(ObjectMapper mapper, OutboxConfig config,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.mapper = mapper;
        this.config = config;
        this.source = CloudEventAttributes.source(applicationName);
    }

    /**
     * Records a contract event: type, topic, key (userId) and subject come from the data record.
     *
     * @return the event's CloudEvents id
     */
    public Uni<UUID> record(EventData data) {
        Objects.requireNonNull(data, "data");
        return record(data.eventType(), data.partitionKey(), data.subject(), data);
    }

    /**
     * Records an event of {@code type} on the type's topic.
     *
     * @param key the Kafka record key, the userId (one user's events stay in order)
     * @param subject the CloudEvents subject, the id of the thing the event is about (may be null)
     * @param data serialised with the application's ObjectMapper; validated against the type's
     *        JSON Schema unless {@code detach.outbox.validate=false}
     * @return the event's CloudEvents id
     */
    public Uni<UUID> record(EventType type, String key, String subject, Object data) {
        return Uni.createFrom().item(() -> row(type, key, subject, data))
                .flatMap(row -> Transactions.requireCurrent("Outbox.record")
                        .flatMap(session -> session.persist(row))
                        .replaceWith(row.id));
    }

    /** The CloudEvents source of this service's events. */
    public String source() {
        return source;
    }

    private OutboxEvent row(EventType type, String key, String subject, Object data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an event needs a record key (the userId): " + type.type());
        }
        JsonNode json = mapper.valueToTree(data);
        if (config.validate()) {
            EventSchemas.requireValid(type, json);
        }
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = type.topic();
        row.recordKey = key;
        row.type = type.type();
        row.source = source;
        row.subject = subject;
        row.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL's precision
        try {
            row.payload = mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + type.type(), e);
        }
        return row;
    }
}
