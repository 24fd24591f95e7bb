package app.detach.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml must describe exactly this module's contract. A full AsyncAPI validation is
 * a manual npm command (README); this test keeps the document and the code from drifting apart.
 */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("../../docs"); // from the module's basedir
    private static final Path SCHEMAS_FROM_DOCS = Path.of("../platform/events/src/main/resources");

    private static JsonNode doc;

    @BeforeAll
    static void readDocument() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertEquals("application/json", doc.path("defaultContentType").asText());
    }

    @Test
    void hasAChannelPerTopicAndTheDeadLetterPattern() {
        Set<String> addresses = new TreeSet<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertTrue(addresses.containsAll(Topics.ALL), addresses.toString());

        String pattern = "{topic}.dlq.{service}";
        assertTrue(addresses.contains(pattern), addresses.toString());
        assertEquals(Topics.deadLetter("{topic}", "{service}"), pattern);
        JsonNode dlq = channelAt(pattern).orElseThrow();
        List<String> dlqTopics = new ArrayList<>();
        dlq.path("parameters").path("topic").path("enum").forEach(t -> dlqTopics.add(t.asText()));
        assertEquals(Topics.ALL, dlqTopics);
    }

    @Test
    void listsEveryEventTypeOnceWithItsSchemaTopicAndKey() {
        Map<String, String> messageIdByType = new HashMap<>();
        doc.path("components").path("messages").fields().forEachRemaining(m -> ceType(m.getValue())
                .ifPresent(type -> assertEquals(null, messageIdByType.put(type, m.getKey()), "twice: " + type)));
        Set<String> allTypes = Arrays.stream(EventType.values()).map(EventType::type).collect(Collectors.toSet());
        assertEquals(allTypes, messageIdByType.keySet());

        for (EventType type : EventType.values()) {
            String id = messageIdByType.get(type.type());
            JsonNode message = doc.path("components").path("messages").path(id);

            Path payload = DOCS.resolve(message.path("payload").path("$ref").asText()).normalize();
            assertEquals(DOCS.resolve(SCHEMAS_FROM_DOCS).resolve(type.schemaResource()).normalize(), payload,
                    id + " payload");
            assertTrue(Files.isRegularFile(payload), payload + " does not exist");

            JsonNode channel = channelAt(type.topic()).orElseThrow(() -> new AssertionError("no channel " + type.topic()));
            assertTrue(refs(channel.path("messages")).contains("#/components/messages/" + id),
                    id + " is not on channel " + type.topic());

            String key = type.topic().equals(Topics.CONTENT) ? "articleIdKey" : "userIdKey";
            assertEquals("#/components/schemas/" + key, message.at("/bindings/kafka/key/$ref").asText(), id + " key");
        }
    }

    @Test
    void cloudEventsHeadersAreDeclared() {
        JsonNode headers = doc.at("/components/schemas/cloudEventHeaders");
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(h -> required.add(h.asText()));
        assertEquals(new TreeSet<>(List.of(CloudEventAttributes.HEADER_ID, CloudEventAttributes.HEADER_TYPE,
                CloudEventAttributes.HEADER_SOURCE, CloudEventAttributes.HEADER_SPEC_VERSION,
                CloudEventAttributes.HEADER_TIME, CloudEventAttributes.HEADER_SUBJECT,
                CloudEventAttributes.HEADER_CONTENT_TYPE)), required);
        assertEquals(CloudEventAttributes.SPEC_VERSION, headers.at("/properties/ce_specversion/const").asText());
        assertEquals(CloudEventAttributes.DATA_CONTENT_TYPE, headers.at("/properties/content-type/const").asText());
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        for (String ref : refs(doc)) {
            boolean ok = ref.startsWith("#")
                    ? !doc.at(ref.substring(1)).isMissingNode()
                    : Files.isRegularFile(DOCS.resolve(ref));
            if (!ok) {
                broken.add(ref);
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void producersAndConsumersMatchTheDesign() {
        Map<String, Set<String>> receivers = new HashMap<>();
        Map<String, Set<String>> senders = new HashMap<>();
        doc.path("operations").forEach(op -> {
            String address = doc.at(op.at("/channel/$ref").asText().substring(1)).path("address").asText();
            String service = op.at("/tags/0/name").asText("");
            Map<String, Set<String>> target = op.path("action").asText().equals("receive") ? receivers : senders;
            if (!service.isEmpty()) {
                target.computeIfAbsent(address, a -> new TreeSet<>()).add(service);
            }
        });

        // the consumer table of DESIGN.md; "all" on the account topic = every service with user data + gateway
        assertEquals(Set.of("content-service", "notification-service"), receivers.get(Topics.JOURNAL));
        assertEquals(Set.of("journal-service", "content-service", "notification-service"), receivers.get(Topics.STREAK));
        assertEquals(Set.of("notification-service"), receivers.get(Topics.CONTENT));
        assertEquals(Set.of("journal-service", "streak-service", "content-service", "notification-service", "gateway"),
                receivers.get(Topics.ACCOUNT));

        assertEquals(Set.of("journal-service"), senders.get(Topics.JOURNAL));
        assertEquals(Set.of("streak-service"), senders.get(Topics.STREAK));
        assertEquals(Set.of("content-service"), senders.get(Topics.CONTENT));
        assertFalse(senders.get(Topics.ACCOUNT).isEmpty());
    }

    private static Optional<JsonNode> channelAt(String address) {
        for (JsonNode channel : doc.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    // the ce_type const sits in one branch of the headers' allOf
    private static Optional<String> ceType(JsonNode message) {
        JsonNode constant = message.path("headers").findPath("ce_type").path("const");
        return constant.isTextual() ? Optional.of(constant.textValue()) : Optional.empty();
    }

    private static List<String> refs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, List<String> into) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            into.add(node.get("$ref").textValue());
        }
        node.forEach(child -> collectRefs(child, into));
    }
}
