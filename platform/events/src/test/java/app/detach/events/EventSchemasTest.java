package app.detach.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.detach.events.journal.EntryRecorded;
import app.detach.events.streak.ContactKind;
import app.detach.events.streak.ContactLogged;
import app.detach.events.streak.StreakReset;
import app.detach.events.streak.UrgeResisted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Real records against the schemas, and targeted invalid data that must be rejected by name. */
class EventSchemasTest {

    // configured like a Quarkus service's ObjectMapper: java.time support, dates as ISO-8601 text
    private static final JsonMapper QUARKUS_LIKE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void validSampleSerialisedWithJacksonPasses(EventType type) throws Exception {
        EventData sample = EventSamples.validSample(type);
        JsonNode json = QUARKUS_LIKE.readTree(QUARKUS_LIKE.writeValueAsBytes(sample));

        assertEquals(List.of(), EventSchemas.validate(type, json));
        assertEquals(List.of(), EventSchemas.validate(type.type(), json));
        assertEquals(List.of(), EventSchemas.validate(sample));
        EventSchemas.requireValid(type, json);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void dataRoundTripsThroughJson(EventType type) {
        EventData sample = EventSamples.validSample(type);
        assertEquals(sample, EventJson.fromBytes(EventJson.toBytes(sample), type.dataClass()));
    }

    @Test
    void instantsAreWrittenAsIsoTextAndNanosecondsPass() {
        Instant withNanos = Instant.parse("2025-10-26T01:30:00.123456789Z");
        EntryRecorded entry = new EntryRecorded(EventSamples.id(1), EventSamples.USER, withNanos, 5, 0, List.of(), null);
        JsonNode json = EventJson.toTree(entry);

        assertEquals("2025-10-26T01:30:00.123456789Z", json.get("recordedAt").textValue());
        assertEquals(List.of(), EventSchemas.validate(EventType.ENTRY_RECORDED, json));
    }

    @Test
    void epochNumbersForInstantsAreRejected() {
        // Jackson's default for java.time: what a mapper without the ISO setting would send
        JsonMapper epochMapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        JsonNode json = epochMapper.valueToTree(EventSamples.validSample(EventType.ENTRY_RECORDED));

        assertNamed(EventSchemas.validate(EventType.ENTRY_RECORDED, json), "recordedAt");
    }

    @Test
    void missingFieldIsNamed() {
        ObjectNode json = sample(EventType.ENTRY_RECORDED);
        json.remove("userId");
        assertNamed(EventSchemas.validate(EventType.ENTRY_RECORDED, json), "userId");
    }

    @Test
    void extraFieldIsNamed() {
        // the very thing the contract forbids: journal text leaking into an event
        ObjectNode json = sample(EventType.ENTRY_RECORDED);
        json.put("body", "I almost texted them tonight");
        assertNamed(EventSchemas.validate(EventType.ENTRY_RECORDED, json), "body");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void moodOutsideOneToTenIsNamed(int mood) {
        ObjectNode json = sample(EventType.ENTRY_RECORDED);
        json.put("mood", mood);
        assertNamed(EventSchemas.validate(EventType.ENTRY_RECORDED, json), "mood");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11})
    void urgeOutsideZeroToTenIsNamed(int urge) {
        ObjectNode json = sample(EventType.ENTRY_RECORDED);
        json.put("urge", urge);
        assertNamed(EventSchemas.validate(EventType.ENTRY_RECORDED, json), "urge");
    }

    @Test
    void urgeZeroAndMissingNoContactDayPass() {
        ObjectNode json = sample(EventType.ENTRY_RECORDED);
        json.put("urge", 0);
        json.remove("noContactDay");
        assertEquals(List.of(), EventSchemas.validate(EventType.ENTRY_RECORDED, json));
        json.putNull("noContactDay");
        assertEquals(List.of(), EventSchemas.validate(EventType.ENTRY_RECORDED, json));
    }

    @Test
    void elevenEmotionsAreNamed() {
        ObjectNode json = sample(EventType.ENTRY_RECORDED);
        ArrayNode emotions = json.putArray("emotions");
        IntStream.rangeClosed(1, 11).forEach(i -> emotions.add("emotion-" + i));
        assertNamed(EventSchemas.validate(EventType.ENTRY_RECORDED, json), "emotions");

        emotions.remove(10);
        assertEquals(List.of(), EventSchemas.validate(EventType.ENTRY_RECORDED, json), "10 emotions are allowed");
    }

    @Test
    void unknownContactKindIsNamed() {
        ObjectNode json = sample(EventType.CONTACT_LOGGED);
        json.put("kind", "TEXTED_AT_2AM");
        assertNamed(EventSchemas.validate(EventType.CONTACT_LOGGED, json), "kind");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11})
    void urgeIntensityOutsideOneToTenIsNamed(int intensity) {
        ObjectNode json = sample(EventType.URGE_RESISTED);
        json.put("intensity", intensity);
        assertNamed(EventSchemas.validate(EventType.URGE_RESISTED, json), "intensity");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 400, 366})
    void nonMilestoneDayIsNamed(int day) {
        ObjectNode json = sample(EventType.MILESTONE_REACHED);
        json.put("day", day);
        assertNamed(EventSchemas.validate(EventType.MILESTONE_REACHED, json), "day");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 270, 365, 730, 1095})
    void milestoneDaysPass(int day) {
        ObjectNode json = sample(EventType.MILESTONE_REACHED);
        json.put("day", day);
        assertEquals(List.of(), EventSchemas.validate(EventType.MILESTONE_REACHED, json));
    }

    @Test
    void milestoneLateFlagIsOptionalButMustBeBoolean() {
        ObjectNode json = sample(EventType.MILESTONE_REACHED);
        json.remove("late");
        assertEquals(List.of(), EventSchemas.validate(EventType.MILESTONE_REACHED, json));
        json.put("late", true);
        assertEquals(List.of(), EventSchemas.validate(EventType.MILESTONE_REACHED, json));
        json.put("late", "yes");
        assertNamed(EventSchemas.validate(EventType.MILESTONE_REACHED, json), "late");
    }

    @Test
    void formatsAreEnforced() {
        ObjectNode json = sample(EventType.ENTRY_DELETED);
        json.put("entryId", "42");
        json.put("deletedAt", "yesterday");
        List<String> violations = EventSchemas.validate(EventType.ENTRY_DELETED, json);
        assertNamed(violations, "entryId");
        assertNamed(violations, "deletedAt");
    }

    @Test
    void wrongTypeAndNullDataAreRejected() {
        ObjectNode json = sample(EventType.STREAK_RESET);
        json.put("previousDays", "17");
        assertNamed(EventSchemas.validate(EventType.STREAK_RESET, json), "previousDays");
        assertTrue(!EventSchemas.validate(EventType.STREAK_RESET, null).isEmpty());
    }

    @Test
    void unknownCloudEventsTypeIsAViolation() {
        List<String> violations = EventSchemas.validate("app.detach.journal.entry-edited", sample(EventType.ENTRY_RECORDED));
        assertEquals(1, violations.size());
        assertNamed(violations, "app.detach.journal.entry-edited");
        assertThrows(InvalidEventException.class,
                () -> EventSchemas.requireValid("app.detach.journal.entry-edited", sample(EventType.ENTRY_RECORDED)));
    }

    @Test
    void requireValidNamesTheTypeAndEveryViolation() {
        ObjectNode json = sample(EventType.ENTRY_RECORDED);
        json.put("mood", 12);
        json.remove("recordedAt");

        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventSchemas.requireValid(EventType.ENTRY_RECORDED, json));

        assertEquals("app.detach.journal.entry-recorded", e.type());
        assertEquals(2, e.violations().size(), e.violations().toString());
        assertNamed(List.of(e.getMessage()), "app.detach.journal.entry-recorded");
        assertNamed(List.of(e.getMessage()), "mood");
        assertNamed(List.of(e.getMessage()), "recordedAt");
    }

    @Test
    void validatesConsistentlyFromManyThreads() throws Exception {
        ObjectNode invalid = sample(EventType.ENTRY_RECORDED);
        invalid.put("mood", 11);
        List<String> expected = EventSchemas.validate(EventType.ENTRY_RECORDED, invalid);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> calls = IntStream.range(0, 200)
                    .mapToObj(i -> (Callable<List<String>>) () -> EventSchemas.validate(EventType.ENTRY_RECORDED, invalid))
                    .toList();
            for (Future<List<String>> result : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ObjectNode sample(EventType type) {
        return (ObjectNode) QUARKUS_LIKE.valueToTree(EventSamples.validSample(type));
    }

    private static void assertNamed(List<String> violations, String field) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(field)),
                "expected a violation naming '" + field + "', got " + violations);
    }

    @Test
    void optionalFieldsAreLeftOutWhenAbsentAndValidatedWhenPresent() {
        // producers built before the field existed never write it, so null must not reach the JSON
        JsonNode withoutZone = EventJson.toTree(new UrgeResisted("u", EventSamples.id(4), 5, EventSamples.AT));
        assertTrue(withoutZone.path("timeZone").isMissingNode(), withoutZone.toString());
        assertEquals(List.of(), EventSchemas.validate(EventType.URGE_RESISTED, withoutZone));
        JsonNode slip = EventJson.toTree(new StreakReset("u", EventSamples.id(2), 3, EventSamples.AT));
        assertTrue(slip.path("reason").isMissingNode(), slip.toString());

        JsonNode chosen = EventJson.toTree(new StreakReset("u", EventSamples.id(2), 3, EventSamples.AT, StreakReset.CHOSEN));
        assertEquals(List.of(), EventSchemas.validate(EventType.STREAK_RESET, chosen));
        ObjectNode unknownReason = ((ObjectNode) chosen.deepCopy()).put("reason", "BORED");
        assertEquals(1, EventSchemas.validate(EventType.STREAK_RESET, unknownReason).size());

        JsonNode zoned = EventJson.toTree(new ContactLogged(
                "u", EventSamples.id(3), ContactKind.I_CONTACTED, EventSamples.AT, true, "Asia/Tokyo"));
        assertEquals("Asia/Tokyo", zoned.path("timeZone").asText());
        assertEquals(List.of(), EventSchemas.validate(EventType.CONTACT_LOGGED, zoned));
    }
}
