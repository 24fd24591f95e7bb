package app.detach.system;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.local.Service;
import app.detach.testing.KafkaEvents;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Privacy scan: after a scenario that writes distinctive journal text, contact and urge notes and
 * an email address, none of them appears in any record of any detach.* topic (dead-letter topics
 * included: key, value and headers), in any file under the stack's logs directory, or in any
 * service's metrics.
 */
@ExtendWith(Stack.class)
class PrivacyScanIT {

    private static final String PASSWORD = "privacy-pw-1";

    @Test
    void userTextAndEmailNeverReachTopicsLogsOrMetrics() throws Exception {
        URI gateway = URI.create(Stack.get().gatewayUrl());
        String marker = "pq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> secrets = List.of(
                "journal " + marker + " words I never said aloud",
                "edited " + marker + " journal text",
                "contact note " + marker,
                "urge note " + marker,
                marker + "@privacy.example");
        // the sign-in account carries the marker too: its username and email (marker-…@detach.test)
        String token = Tokens.password(KeycloakUsers.create(marker, PASSWORD), PASSWORD);
        String userId = given().auth().oauth2(token).get(gateway.resolve("/api/me")).then().statusCode(200).extract().path("userId");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("startedAt", Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "timeZone", "Europe/Madrid", "socialMediaCheckBreaks", false))
                .put(gateway.resolve("/api/streak")).then().statusCode(200);
        String entryId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("body", secrets.get(0), "mood", 2, "urge", 8, "emotions", List.of("lonely")))
                .post(gateway.resolve("/api/journal/entries")).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("body", secrets.get(1), "mood", 3, "urge", 7))
                .put(gateway.resolve("/api/journal/entries/" + entryId)).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("intensity", 9, "note", secrets.get(3)))
                .post(gateway.resolve("/api/streak/urges")).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("kind", "I_CONTACTED", "note", secrets.get(2)))
                .post(gateway.resolve("/api/streak/contacts")).then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Europe/Madrid\",\"dailyCheckIn\":{\"enabled\":true,\"localTime\":\"08:00\"},"
                        + "\"channels\":{\"inApp\":true,\"email\":true},\"email\":\"" + secrets.get(4) + "\",\"newGuides\":true}")
                .put(gateway.resolve("/api/notifications/preferences")).then().statusCode(200);
        given().auth().oauth2(token).get(gateway.resolve("/api/journal/export?format=markdown")).then().statusCode(200);
        given().auth().oauth2(token).get(gateway.resolve("/api/content/today")).then().statusCode(200);
        given().auth().oauth2(token).get(gateway.resolve("/api/notifications?limit=10")).then().statusCode(200);
        // bad input echoing the text must not log it either
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"body\":\"" + secrets.get(0) + "\",\"mood\":\"" + secrets.get(2) + "\"}")
                .post(gateway.resolve("/api/journal/entries")).then().statusCode(400);

        // the scenario's events have gone through: the last write of each producer is on its topic
        KafkaEvents events = new KafkaEvents(Stack.get().kafkaBootstrapServers());
        events.await(Topics.STREAK, userId, EventType.CONTACT_LOGGED.type());
        events.await(Topics.JOURNAL, userId, EventType.ENTRY_RECORDED.type());

        List<String> leaks = new ArrayList<>();
        String needle = marker.toLowerCase(Locale.ROOT);
        int records = scanKafka(needle, leaks);
        int files = scanLogs(Stack.get().logsDir(), needle, leaks);
        int metricsLines = 0;
        for (Service service : Service.values()) {
            String metrics = given().get(Stack.get().serviceUrl(service) + "/q/metrics").then().statusCode(200).extract().asString();
            metricsLines += (int) metrics.lines().count();
            if (metrics.toLowerCase(Locale.ROOT).contains(needle)) {
                leaks.add("metrics of " + service.module());
            }
        }
        System.out.printf("privacy scan: %d Kafka records, %d log files, %d metric lines; leaks %s%n", records, files, metricsLines, leaks);
        assertTrue(records > 0 && files > 0 && metricsLines > 0, "nothing was scanned");
        Report.row("Attackers", "privacy scan: journal text, notes and email after a full scenario",
                "0 found in " + records + " Kafka records (every detach.* topic, DLQs included), " + files
                        + " log files, " + metricsLines + " metric lines");
        assertEquals(List.of(), leaks, "user text or email found");
    }

    private static int scanKafka(String needle, List<String> leaks) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrapServers());
        List<String> topics;
        try (Admin client = Admin.create(admin)) {
            topics = client.listTopics().names().get().stream().filter(t -> t.startsWith("detach.")).sorted().toList();
        }
        assertTrue(topics.containsAll(Topics.ALL), "topics " + topics);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        int count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertTrue(System.nanoTime() < deadline, "could not read every topic to its end in 60 s");
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    StringBuilder text = new StringBuilder();
                    text.append(string(r.key())).append(' ').append(string(r.value()));
                    for (Header h : r.headers()) {
                        text.append(' ').append(h.key()).append('=').append(string(h.value()));
                    }
                    if (text.toString().toLowerCase(Locale.ROOT).contains(needle)) {
                        leaks.add("Kafka " + r.topic() + "/" + r.partition() + "@" + r.offset());
                    }
                }
            }
        }
        return count;
    }

    private static int scanLogs(Path dir, String needle, List<String> leaks) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (text.contains(needle)) {
                leaks.add("log " + dir.relativize(file));
            }
        }
        return files.size();
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
