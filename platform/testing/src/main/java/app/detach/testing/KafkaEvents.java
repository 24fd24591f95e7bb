package app.detach.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.detach.events.CloudEventAttributes;
import app.detach.events.EventData;
import app.detach.events.EventJson;
import app.detach.events.EventSchemas;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * Reads (and, for consumer tests, writes) CloudEvents on the test broker.
 * <p>
 * Every read uses its own consumer that is assigned all partitions of the topic and starts from
 * the beginning, without a consumer group: reads are independent of each other and of the
 * application's consumers. Tests tell their events apart by a predicate, typically the record key
 * (a user id unique to the test). Every event a read returns has had its data validated against the
 * JSON Schema of its type ({@link EventSchemas}); a violation fails the test and lists them.
 *
 * <pre>{@code
 * KafkaEvents events = KafkaEvents.fromConfig();
 * ReceivedEvent e = events.await(Topics.JOURNAL, userId, EventType.ENTRY_RECORDED.type());
 * }</pre>
 */
public final class KafkaEvents {

    /** Default deadline of the await methods. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = EventJson.newMapper();

    private final String bootstrapServers;

    public KafkaEvents(String bootstrapServers) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    }

    /** Uses {@code kafka.bootstrap.servers} from the running Quarkus test's configuration. */
    public static KafkaEvents fromConfig() {
        return new KafkaEvents(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    // ---- predicates --------------------------------------------------------------------------

    /** Events with this record key. */
    public static Predicate<ReceivedEvent> key(String key) {
        return e -> Objects.equals(e.key(), key);
    }

    /** Events of this CloudEvents type. */
    public static Predicate<ReceivedEvent> type(String type) {
        return e -> Objects.equals(e.type(), type);
    }

    /** Events with this key and CloudEvents type. */
    public static Predicate<ReceivedEvent> keyAndType(String key, String type) {
        return key(key).and(type(type));
    }

    // ---- reading ----------------------------------------------------------------------------

    /** The first event on {@code topic} with this key and type, within {@link #DEFAULT_TIMEOUT}. */
    public ReceivedEvent await(String topic, String key, String type) {
        return await(topic, keyAndType(key, type), DEFAULT_TIMEOUT);
    }

    /** The first event on {@code topic} matching {@code match}, within {@link #DEFAULT_TIMEOUT}. */
    public ReceivedEvent await(String topic, Predicate<ReceivedEvent> match) {
        return await(topic, match, DEFAULT_TIMEOUT);
    }

    /** The first event on {@code topic} matching {@code match}; fails the test after {@code timeout}. */
    public ReceivedEvent await(String topic, Predicate<ReceivedEvent> match, Duration timeout) {
        return awaitCount(topic, match, 1, timeout).get(0);
    }

    /**
     * The first {@code count} events on {@code topic} matching {@code match}, in partition order
     * (one key's events are in one partition, so in publishing order); fails after {@code timeout}
     * listing what did match.
     */
    public List<ReceivedEvent> awaitCount(String topic, Predicate<ReceivedEvent> match, int count, Duration timeout) {
        List<ReceivedEvent> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            assignFromBeginning(consumer, topic, deadline);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                collect(consumer, match, found);
            }
        }
        if (found.size() < count) {
            fail("expected " + count + " matching event(s) on " + topic + " within " + timeout + ", got "
                    + found.size() + describe(found));
        }
        return List.copyOf(found.subList(0, count));
    }

    /**
     * Reads {@code topic} from the beginning for the whole {@code window} and asserts that exactly
     * {@code expected} events match - use after an await to prove nothing else (a duplicate, an
     * event that should not exist) arrives. Fails early as soon as more than {@code expected} match.
     */
    public List<ReceivedEvent> assertExactly(String topic, Predicate<ReceivedEvent> match, int expected,
            Duration window) {
        List<ReceivedEvent> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(window);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            assignFromBeginning(consumer, topic, deadline);
            while (Instant.now().isBefore(deadline) && found.size() <= expected) {
                collect(consumer, match, found);
            }
        }
        if (found.size() != expected) {
            fail("expected exactly " + expected + " matching event(s) on " + topic + " during " + window + ", got "
                    + found.size() + describe(found));
        }
        return List.copyOf(found);
    }

    /** Asserts that no event on {@code topic} matches during {@code window}. */
    public void assertNone(String topic, Predicate<ReceivedEvent> match, Duration window) {
        assertExactly(topic, match, 0, window);
    }

    /** Every event on {@code topic} up to its current end (a snapshot; does not wait for more). */
    public List<ReceivedEvent> readAll(String topic) {
        List<ReceivedEvent> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEFAULT_TIMEOUT);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assignFromBeginning(consumer, topic, deadline);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    fail("could not read " + topic + " up to " + end + " within " + DEFAULT_TIMEOUT);
                }
                collect(consumer, e -> true, found);
            }
        }
        return found;
    }

    // ---- writing (for consumer tests) ---------------------------------------------------------

    /**
     * Publishes {@code data} as a CloudEvent in binary mode on its type's topic, keyed and with the
     * subject the data names, after checking it against its schema. Returns the event id.
     */
    public String publish(EventData data, String source) {
        EventSchemas.requireValid(data);
        return publishRaw(data.eventType().topic(), data.partitionKey(), data.eventType().type(), source,
                data.subject(), EventJson.toTree(data), UUID.randomUUID().toString());
    }

    /**
     * Publishes any CloudEvent, without schema validation - for tests of how a consumer handles
     * invalid, unknown or duplicate events (pass the same {@code id} twice). Waits for the broker's ack.
     */
    public String publishRaw(String topic, String key, String type, String source, String subject, JsonNode data,
            String id) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withData(data == null ? null : bytes(data));
        if (subject != null) {
            builder.withSubject(subject);
        }
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, key)
                .writeBinary(builder.build());
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record).get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + type + " to " + topic, e);
        }
        return id;
    }

    // ---- internals ----------------------------------------------------------------------------

    private static byte[] bytes(JsonNode data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise event data", e);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "detach-test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(DEFAULT_TIMEOUT.toMillis()));
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Waits (bounded by the deadline) until the topic exists, then reads it from the start. */
    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<String, byte[]> consumer, String topic,
            Instant deadline) {
        List<PartitionInfo> infos;
        try {
            // the consumer is single-threaded: poll in this thread
            infos = Awaitility.await().atMost(remaining(deadline)).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL)
                    .until(() -> partitions(consumer, topic, deadline), list -> !list.isEmpty());
        } catch (ConditionTimeoutException e) {
            return List.of(); // the topic never appeared: nothing to read, the caller reports what is missing
        }
        List<TopicPartition> partitions = infos.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static List<PartitionInfo> partitions(KafkaConsumer<String, byte[]> consumer, String topic,
            Instant deadline) {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline));
            return infos == null ? List.of() : infos;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return List.of();
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void collect(KafkaConsumer<String, byte[]> consumer, Predicate<ReceivedEvent> match,
            List<ReceivedEvent> found) {
        if (consumer.assignment().isEmpty()) {
            return;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            ReceivedEvent event = toEvent(record);
            if (match.test(event)) {
                requireSchemaValid(event);
                found.add(event);
            }
        }
    }

    static ReceivedEvent toEvent(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new AssertionError("not a CloudEvents record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " (headers: " + headerNames(record) + ")", e);
        }
        JsonNode data = null;
        if (event.getData() != null) {
            try {
                data = JSON.readTree(event.getData().toBytes());
            } catch (IOException e) {
                throw new AssertionError("event data is not JSON: " + event.getType() + " id=" + event.getId(), e);
            }
        }
        return new ReceivedEvent(event.getId(), event.getType(),
                event.getSource() == null ? null : event.getSource().toString(), event.getSubject(), event.getTime(),
                record.key(), data, record.topic(), record.partition(), record.offset());
    }

    private static void requireSchemaValid(ReceivedEvent event) {
        List<String> violations = EventSchemas.validate(event.type(), event.data());
        if (!violations.isEmpty()) {
            fail("event does not match its schema: " + event.describe() + "\n  - "
                    + String.join("\n  - ", violations));
        }
    }

    private static String headerNames(ConsumerRecord<?, ?> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        return String.join(",", names);
    }

    private static String describe(List<ReceivedEvent> events) {
        return events.isEmpty() ? "" : ":\n  " + events.stream().map(ReceivedEvent::describe)
                .collect(Collectors.joining("\n  "));
    }
}
