package app.detach.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Raw Kafka access for the fault tests, with plain clients: publish any record (also ones that
 * are not JSON, which {@code KafkaEvents} cannot send), read a whole topic with its headers without
 * validating anything (a topic holding poison records must still be readable), and read the
 * offsets a consumer group has committed.
 */
final class TopicRecords implements AutoCloseable {

    /** What a test needs of one record: where it is, its key, its CloudEvents headers. */
    record Rec(String topic, int partition, long offset, String key, String id, String type, String subject,
            Map<String, String> headers, String value) {
    }

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    TopicRecords(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        a.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"); // must not be below request.timeout.ms (30 s)
        admin = Admin.create(a);
    }

    /** Sends a binary-mode CloudEvent record with these headers (null values are left out) and waits for the ack. */
    RecordMetadata send(String topic, String key, String id, String type, String specVersion, String value) {
        return await(sendAsync(topic, key, id, type, specVersion, value));
    }

    java.util.concurrent.Future<RecordMetadata> sendAsync(String topic, String key, String id, String type,
            String specVersion, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/detach/system-tests");
        header(record, "ce_specversion", specVersion);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return producer.send(record);
    }

    static RecordMetadata await(java.util.concurrent.Future<RecordMetadata> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge a record", e);
        }
    }

    void flush() {
        producer.flush();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every record of {@code topic} up to its current end (empty if the topic does not exist yet). */
    List<Rec> readAll(String topic) {
        List<Rec> found = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "detach-faults-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return found;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    found.add(toRec(r));
                }
            }
        }
        return found;
    }

    private static Rec toRec(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Rec(r.topic(), r.partition(), r.offset(), r.key(), headers.get("ce_id"), headers.get("ce_type"),
                headers.get("ce_subject"), headers, r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
    }

    /** The offset consumer group {@code group} has committed on {@code partition}, -1 if none; a failure to ask is thrown. */
    long committed(String group, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? -1 : offset.offset();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
