package app.detach.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @Test
    void typesAreExactlyThoseOfTheDesign() {
        List<String> expected = List.of(
                "app.detach.journal.entry-recorded",
                "app.detach.journal.entry-deleted",
                "app.detach.streak.streak-started",
                "app.detach.streak.contact-logged",
                "app.detach.streak.streak-reset",
                "app.detach.streak.urge-resisted",
                "app.detach.streak.milestone-reached",
                "app.detach.streak.day-settings-changed",
                "app.detach.streak.checked-in",
                "app.detach.content.article-published",
                "app.detach.content.article-retracted",
                "app.detach.account.erasure-requested",
                "app.detach.account.data-erased");
        assertEquals(expected, Arrays.stream(EventType.values()).map(EventType::type).toList());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fromTypeFindsEveryType(EventType type) {
        assertEquals(Optional.of(type), EventType.fromType(type.type()));
    }

    @Test
    void fromTypeIsEmptyForUnknownOrMissingTypes() {
        assertEquals(Optional.empty(), EventType.fromType("app.detach.journal.entry-updated"));
        assertEquals(Optional.empty(), EventType.fromType("ENTRY_RECORDED"));
        assertEquals(Optional.empty(), EventType.fromType(null));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void topicAndSchemaFollowTheTypesArea(EventType type) {
        String area = type.type().split("\\.")[2]; // app.detach.<area>.<event>
        assertEquals("detach." + area + ".v1", type.topic());
        assertTrue(type.schemaResource().startsWith("schemas/" + area + "/"), type.schemaResource());
    }

    @Test
    void schemaResourceIsDerivedFromTheType() {
        assertEquals("schemas/journal/entry-recorded.json", EventType.ENTRY_RECORDED.schemaResource());
        assertEquals("schemas/account/data-erased.json", EventType.DATA_ERASED.schemaResource());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void dataRecordBelongsToItsType(EventType type) {
        EventData sample = EventSamples.validSample(type);
        assertEquals(type, sample.eventType());
        assertEquals(type.dataClass(), sample.getClass());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void keyIsTheUserExceptForContentEvents(EventType type) {
        EventData sample = EventSamples.validSample(type);
        String expected = type.topic().equals(Topics.CONTENT) ? EventSamples.id(5).toString() : EventSamples.USER;
        assertEquals(expected, sample.partitionKey());
    }

    @Test
    void topicsAndDeadLetterNames() {
        assertEquals(List.of("detach.journal.v1", "detach.streak.v1", "detach.content.v1", "detach.account.v1"),
                Topics.ALL);
        assertEquals("detach.streak.v1.dlq.notification-service",
                Topics.deadLetter(Topics.STREAK, "notification-service"));
        assertThrows(IllegalArgumentException.class, () -> Topics.deadLetter(Topics.STREAK, " "));
        assertThrows(IllegalArgumentException.class, () -> Topics.deadLetter(null, "journal-service"));
    }

    @Test
    void cloudEventAttributes() {
        assertEquals("1.0", CloudEventAttributes.SPEC_VERSION);
        assertEquals("application/json", CloudEventAttributes.DATA_CONTENT_TYPE);
        assertEquals("/detach/journal-service", CloudEventAttributes.source("journal-service"));
        assertThrows(IllegalArgumentException.class, () -> CloudEventAttributes.source(""));
    }
}
