package app.detach.journal.messaging;

import app.detach.events.EventType;
import app.detach.events.Topics;
import app.detach.journal.JournalApi;
import app.detach.testing.KafkaEvents;
import app.detach.testing.KafkaTestResource;
import app.detach.testing.ReceivedEvent;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static app.detach.journal.JournalApi.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EntryEventsTest {

    private final KafkaEvents events = KafkaEvents.fromConfig();

    @Test
    void createUpdateAndDeletePublishSchemaValidEventsWithoutText() {
        String userId = "events-" + UUID.randomUUID();
        JournalApi api = JournalApi.as(userId);
        String marker = "never-in-an-event-" + UUID.randomUUID();
        String id = api.create(marker, 3, 8, "lonely", "restless");
        String createdAt = api.get(id).extract().path("createdAt");

        // KafkaEvents validates every event it returns against its JSON Schema
        ReceivedEvent recorded = events.await(Topics.JOURNAL, userId, EventType.ENTRY_RECORDED.type());
        assertEquals(id, recorded.subject());
        assertEquals(userId, recorded.key());
        assertEquals("/detach/journal-service", recorded.source());
        assertEquals(id, recorded.data().get("entryId").asText());
        assertEquals(userId, recorded.data().get("userId").asText());
        assertEquals(Instant.parse(createdAt), Instant.parse(recorded.data().get("recordedAt").asText()));
        assertEquals(3, recorded.data().get("mood").asInt());
        assertEquals(8, recorded.data().get("urge").asInt());
        assertEquals(List.of("lonely", "restless"), List.of(recorded.data().get("emotions").get(0).asText(),
                recorded.data().get("emotions").get(1).asText()));
        assertTrue(recorded.data().get("noContactDay").isNull());
        assertFalse(recorded.data().toString().contains(marker), "the body never leaves the service");

        api.put(id, entry("changed " + marker, 6, 2, "calm")).statusCode(200);
        api.delete(id).statusCode(204);

        List<ReceivedEvent> all = events.awaitCount(Topics.JOURNAL, KafkaEvents.key(userId), 3, Duration.ofSeconds(20));
        assertEquals(List.of(EventType.ENTRY_RECORDED.type(), EventType.ENTRY_RECORDED.type(),
                EventType.ENTRY_DELETED.type()), all.stream().map(ReceivedEvent::type).toList());
        assertEquals(6, all.get(1).data().get("mood").asInt());
        assertEquals(id, all.get(2).data().get("entryId").asText());
        assertEquals(id, all.get(2).subject());
        all.forEach(e -> assertFalse(e.data().toString().contains(marker)));
        events.assertExactly(Topics.JOURNAL, KafkaEvents.key(userId), 3, Duration.ofMillis(500));
    }

    @Test
    void theZoneInForceIsStoredReturnedAndCarriedByTheEventAndAnEditWithoutOneKeepsIt() {
        String userId = "zoned-" + UUID.randomUUID();
        JournalApi api = JournalApi.as(userId);
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>(entry("on the train", 5, 3));
        json.put("timeZone", "America/New_York");
        String id = api.post(json).statusCode(201).body("timeZone", org.hamcrest.Matchers.equalTo("America/New_York"))
                .extract().path("id");
        ReceivedEvent recorded = events.await(Topics.JOURNAL, userId, EventType.ENTRY_RECORDED.type());
        assertEquals("America/New_York", recorded.data().get("timeZone").asText());

        api.put(id, entry("edited at home", 5, 3)).statusCode(200)
                .body("timeZone", org.hamcrest.Matchers.equalTo("America/New_York"));
        json.put("timeZone", "Europe/Lisbon");
        api.put(id, json).statusCode(200).body("timeZone", org.hamcrest.Matchers.equalTo("Europe/Lisbon"));
        api.get(id).statusCode(200).body("timeZone", org.hamcrest.Matchers.equalTo("Europe/Lisbon"));
        events.awaitCount(Topics.JOURNAL, e -> e.key().equals(userId) && e.data().has("timeZone")
                && "Europe/Lisbon".equals(e.data().get("timeZone").asText()), 1, Duration.ofSeconds(20));

        String plain = api.create("no zone sent", 5, 5);
        api.get(plain).statusCode(200).body("timeZone", org.hamcrest.Matchers.nullValue());
        for (Object zone : new Object[] {"Nowhere/Else", "+02:00", 7, ""}) {
            json.put("timeZone", zone);
            api.post(json).statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("timeZone"));
        }
    }

    @Test
    void aFailedWriteRecordsNoEvent() {
        String userId = "no-event-" + UUID.randomUUID();
        JournalApi.as(userId).post(entry("x", 0, 5)).statusCode(400);
        JournalApi.as(userId).delete(UUID.randomUUID().toString()).statusCode(404);
        events.assertNone(Topics.JOURNAL, KafkaEvents.key(userId), Duration.ofSeconds(1));
    }

    @Test
    void anEntryWrittenWhileTheBrokerIsDownReachesTheTopicAfterItsReturn() {
        String userId = "outage-" + UUID.randomUUID();
        String id;
        KafkaTestResource.stopBroker();
        try {
            id = JournalApi.as(userId).create("written during the outage", 5, 5);
        } finally {
            KafkaTestResource.startBroker();
        }
        ReceivedEvent recorded = events.await(Topics.JOURNAL, KafkaEvents.keyAndType(userId,
                EventType.ENTRY_RECORDED.type()), Duration.ofSeconds(60));
        assertEquals(id, recorded.subject());
        events.assertExactly(Topics.JOURNAL, KafkaEvents.key(userId), 1, Duration.ofMillis(500));
    }
}
