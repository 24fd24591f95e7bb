package app.detach.gateway.me;

import app.detach.events.CloudEventAttributes;
import app.detach.events.EventJson;
import app.detach.events.EventSchemas;
import app.detach.events.account.ErasureRequested;
import app.detach.gateway.routing.GatewayConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Publishes {@code erasure-requested} on {@code detach.account.v1}, the one event the gateway
 * produces. The gateway has no database, hence no outbox: the request succeeds only once the
 * broker has acknowledged the event (acks=all), and otherwise fails so the user can try again —
 * nothing is lost, because nothing was erased yet. Every service erases idempotently, so a retry
 * that publishes a second request is harmless.
 */
@ApplicationScoped
public class ErasureRequests {

    static final String CHANNEL = "account-events";

    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final String source;
    private final Duration sendTimeout;

    ErasureRequests(@Channel(CHANNEL) MutinyEmitter<String> emitter,
                    @ConfigProperty(name = "quarkus.application.name") String application,
                    GatewayConfig config) {
        this.emitter = emitter;
        this.clock = Clock.systemUTC();
        this.source = CloudEventAttributes.source(application);
        this.sendTimeout = config.erasure().sendTimeout();
    }

    /** Sends the request and completes with the event id once the broker has it. */
    public Uni<UUID> request(String userId) {
        ErasureRequested data = new ErasureRequested(userId, clock.instant());
        List<String> violations = EventSchemas.validate(data.eventType(), EventJson.toTree(data));
        if (!violations.isEmpty()) {
            // only reachable through a programming error (e.g. an empty subject)
            return Uni.createFrom().failure(new IllegalStateException("invalid erasure-requested: " + violations));
        }
        UUID id = UUID.randomUUID();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(id.toString())
                .withType(data.eventType().type())
                .withSource(URI.create(source))
                .withSubject(data.subject())
                .withTimestamp(data.requestedAt().atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(data.eventType().topic())
                .withKey(data.partitionKey())
                .build();
        String json = new String(EventJson.toBytes(data), java.nio.charset.StandardCharsets.UTF_8);
        return emitter.sendMessage(Message.of(json).addMetadata(cloudEvent).addMetadata(kafka))
                .ifNoItem().after(sendTimeout).fail()
                .replaceWith(id);
    }
}
